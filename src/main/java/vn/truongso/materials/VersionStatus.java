package vn.truongso.materials;

/** Where one version of a material stands in the school's appraisal and approval (thẩm định, phê duyệt). */
public enum VersionStatus {
    /** Bản nháp: the author is still working on it. */
    DRAFT,
    /** Đã gửi: waiting for the subject group to start the appraisal. */
    SUBMITTED,
    /** Đang thẩm định. */
    UNDER_APPRAISAL,
    /** Trả lại kèm góp ý: the author revises and submits again. */
    RETURNED,
    /** Đã thẩm định: waiting for the principal. */
    APPRAISED,
    /** Đã phê duyệt: the live version. */
    APPROVED,
    /** Không phê duyệt. */
    REJECTED,
    /** A newer approved version replaced it; kept in the history. */
    SUPERSEDED,
    /** Rút lại by its author. */
    WITHDRAWN;

    /** True while the version is still on its way to a decision. */
    public boolean inProgress() {
        return this == DRAFT || this == SUBMITTED || this == UNDER_APPRAISAL || this == RETURNED || this == APPRAISED;
    }

    /** True when the author may still change the content. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
