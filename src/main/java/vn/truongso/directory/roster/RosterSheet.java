package vn.truongso.directory.roster;

import vn.truongso.platform.VietnameseText;

/** The four data sheets of a roster workbook, in the order the template lists them. */
public enum RosterSheet {
    /** Cán bộ: staff, their positions and subject groups (tổ chuyên môn). */
    STAFF("Cán bộ"),
    /** Lớp: classes of the current school year with their homeroom teacher (GVCN). */
    CLASSES("Lớp"),
    /** Học sinh: students, their class and their parents or guardians. */
    STUDENTS("Học sinh"),
    /** Phân công: who teaches which subject in which class. */
    ASSIGNMENTS("Phân công");

    private final String title;

    RosterSheet(String title) {
        this.title = title;
    }

    /** The sheet's name in the workbook, as the template spells it. */
    public String title() {
        return title;
    }

    /** The sheet a workbook tab stands for, diacritics and case ignored ("hoc sinh" is Học sinh); null for other tabs. */
    static RosterSheet byTitle(String tabName) {
        String folded = VietnameseText.fold(tabName);
        for (RosterSheet sheet : values()) {
            if (VietnameseText.fold(sheet.title).equals(folded)) {
                return sheet;
            }
        }
        return null;
    }
}
