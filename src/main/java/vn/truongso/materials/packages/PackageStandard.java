package vn.truongso.materials.packages;

/** The e-learning package standards the importer reads. */
public enum PackageStandard {
    SCORM_12, SCORM_2004, CMI5;

    public boolean scorm() {
        return this != CMI5;
    }
}
