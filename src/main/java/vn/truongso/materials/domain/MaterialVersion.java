package vn.truongso.materials.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import vn.truongso.materials.VersionStatus;

/** One version of a material: its content and where it stands. Changed only through {@link Material}. */
public final class MaterialVersion {

    private final UUID id;
    private final int number;
    private final UUID createdBy;
    private final Instant createdAt;
    private VersionStatus status;
    private MaterialContent content;
    private List<UUID> appraiserIds;
    private int appraisalRound;
    private final List<Appraisal> appraisals;
    boolean isNew;

    MaterialVersion(UUID id, int number, UUID createdBy, Instant createdAt, VersionStatus status, MaterialContent content,
            List<UUID> appraiserIds, int appraisalRound, List<Appraisal> appraisals) {
        this.appraisalRound = appraisalRound;
        this.id = id;
        this.number = number;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = status;
        this.content = content;
        this.appraiserIds = List.copyOf(appraiserIds);
        this.appraisals = new ArrayList<>(appraisals);
    }

    public UUID id() {
        return id;
    }

    public int number() {
        return number;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public VersionStatus status() {
        return status;
    }

    public MaterialContent content() {
        return content;
    }

    public List<UUID> appraiserIds() {
        return appraiserIds;
    }

    /** The appraisal round in progress or last held (0 before the first). */
    public int appraisalRound() {
        return appraisalRound;
    }

    /** The appraisals of the current round, the ones that decide. */
    public List<Appraisal> currentAppraisals() {
        return appraisals.stream().filter(a -> a.level() == Appraisal.Level.SCHOOL && a.round() == appraisalRound).toList();
    }

    /** Every school-level appraisal of this version, all rounds, in the order they were made. */
    public List<Appraisal> appraisals() {
        return List.copyOf(appraisals);
    }

    void status(VersionStatus status) {
        this.status = status;
    }

    void content(MaterialContent content) {
        this.content = content;
    }

    void startRound(List<UUID> ids) {
        this.appraiserIds = List.copyOf(ids);
        this.appraisalRound++;
    }

    void addAppraisal(Appraisal appraisal) {
        appraisals.add(appraisal);
    }
}
