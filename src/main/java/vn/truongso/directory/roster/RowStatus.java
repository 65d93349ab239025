package vn.truongso.directory.roster;

/** What committing an upload would do to the record a row stands for. */
public enum RowStatus {
    /** The record does not exist yet and will be created. */
    NEW,
    /** The record exists and at least one field will change. */
    CHANGED,
    /** The record exists exactly as the row describes it. */
    UNCHANGED
}
