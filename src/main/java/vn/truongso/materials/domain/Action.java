package vn.truongso.materials.domain;

/** The moves of the workflow, as recorded in the history and offered as buttons. */
public enum Action {
    CREATE, EDIT, NEW_VERSION, SUBMIT, START_APPRAISAL, APPRAISE, APPRAISED, RETURN, APPROVE, REJECT, WITHDRAW,
    PUBLISH, PROPOSE_DISTRICT, ACCEPT_DISTRICT, DECLINE_DISTRICT, PROPOSE_CITY, ACCEPT_CITY, DECLINE_CITY, ARCHIVE,
    /** The Phòng's (Sở's) appraisal of a proposal against its own rubric: started, one appraiser's appraisal, all given. */
    START_DISTRICT_APPRAISAL, APPRAISE_DISTRICT, DISTRICT_APPRAISED, START_CITY_APPRAISAL, APPRAISE_CITY, CITY_APPRAISED
}
