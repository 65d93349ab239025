package vn.truongso.platform;

import java.util.Set;

/** What an uploaded file is, as detected from its bytes (never from its name). */
public enum FileType {
    PDF("application/pdf", ".pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    IMAGE("image/*", ".png/.jpg/.gif/.webp"),
    AUDIO("audio/*", ".mp3/.m4a/.wav/.ogg"),
    VIDEO("video/*", ".mp4/.webm/.ogv"),
    /** A SCORM 1.2/2004 ({@code imsmanifest.xml}) or cmi5 ({@code cmi5.xml}) package. */
    PACKAGE_ZIP("application/zip", "SCORM/cmi5 .zip"),
    OTHER("application/octet-stream", "?");

    /** Every type: for callers that accept anything (the size, emptiness and virus checks still apply). */
    public static final Set<FileType> ANY = Set.of(values());

    private final String genericMediaType;
    private final String label;

    FileType(String genericMediaType, String label) {
        this.genericMediaType = genericMediaType;
        this.label = label;
    }

    /** The media type of the family (the detected, exact one is in {@link AcceptedFile#mediaType()}). */
    public String genericMediaType() {
        return genericMediaType;
    }

    /** A language-neutral label used in messages: the usual file extensions of the type. */
    public String label() {
        return label;
    }
}
