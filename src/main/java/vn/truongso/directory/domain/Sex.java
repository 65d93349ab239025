package vn.truongso.directory.domain;

public enum Sex {
    MALE, FEMALE
}
