package vn.truongso.directory.domain;

/** Cấp học of a school, with the grades it teaches (0 stands for the kindergarten years). */
public enum SchoolLevel {
    MAM_NON(0, 0), TIEU_HOC(1, 5), THCS(6, 9), THPT(10, 12), LIEN_CAP(1, 12);

    private final int lowestGrade;
    private final int highestGrade;

    SchoolLevel(int lowestGrade, int highestGrade) {
        this.lowestGrade = lowestGrade;
        this.highestGrade = highestGrade;
    }

    public int lowestGrade() {
        return lowestGrade;
    }

    public int highestGrade() {
        return highestGrade;
    }
}
