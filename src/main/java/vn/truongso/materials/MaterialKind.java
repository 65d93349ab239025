package vn.truongso.materials;

/** What a material is (loại học liệu). */
public enum MaterialKind {
    /** Bài giảng điện tử. */
    E_LECTURE,
    /** Video (recorded lessons are shared unlisted). */
    VIDEO,
    /** Học liệu đa phương tiện. */
    MULTIMEDIA,
    /** Sách giáo khoa điện tử. */
    E_TEXTBOOK,
    /** Mô phỏng, thí nghiệm ảo. */
    SIMULATION,
    /** Phiếu học tập. */
    WORKSHEET,
    /** Đề kiểm tra. */
    TEST_PAPER,
    /** Liên kết (YouTube unlisted, Google Drive, …). */
    LINK
}
