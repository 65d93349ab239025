package vn.truongso.materials.domain;

/** The moves of the workflow, as recorded in the history and offered as buttons. */
public enum Action {
    CREATE, EDIT, NEW_VERSION, SUBMIT, START_APPRAISAL, APPRAISE, APPRAISED, RETURN, APPROVE, REJECT, WITHDRAW,
    PUBLISH, PROPOSE_DISTRICT, ACCEPT_DISTRICT, DECLINE_DISTRICT, PROPOSE_CITY, ACCEPT_CITY, DECLINE_CITY, ARCHIVE
}
