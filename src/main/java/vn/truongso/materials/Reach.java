package vn.truongso.materials;

/** How far a material's approved version reaches: the school repository, then the district's, then the city's. */
public enum Reach {
    /** Approved (or not yet) but not published. */
    NOT_PUBLISHED,
    /** Published in the school repository (students of the school see it). */
    PUBLISHED,
    /** Proposed to the Phòng GDĐT. */
    PROPOSED_DISTRICT,
    /** Appraised and approved by the Phòng; shared with the district's schools. */
    SHARED_DISTRICT,
    /** Proposed by the Phòng to the Sở GDĐT. */
    PROPOSED_CITY,
    /** Appraised and approved by the Sở; shared with the city's schools. */
    SHARED_CITY,
    /** Archived: no longer offered to anyone but kept with its history. */
    ARCHIVED;

    /** True when students of the owning school may see it. */
    public boolean publishedInSchool() {
        return this != NOT_PUBLISHED && this != ARCHIVED;
    }

    /** True when the district's schools may see it. */
    public boolean sharedInDistrict() {
        return this == SHARED_DISTRICT || this == PROPOSED_CITY || this == SHARED_CITY;
    }

    public boolean sharedInCity() {
        return this == SHARED_CITY;
    }

    /** True when the Phòng has (had) it before it: proposed to it or beyond. */
    public boolean beforeDistrict() {
        return this == PROPOSED_DISTRICT || sharedInDistrict();
    }

    public boolean beforeCity() {
        return this == PROPOSED_CITY || this == SHARED_CITY;
    }
}
