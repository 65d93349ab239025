package vn.truongso.materials.domain;

import java.util.List;
import java.util.UUID;

/**
 * Where the Phòng's or Sở's appraisal (thẩm định cấp Phòng/Sở) of a proposed material stands: not started, under
 * appraisal by the named officers, or appraised (a majority recommended sharing) and waiting for the decision.
 */
public record UnitAppraisal(State state, List<UUID> appraiserIds, int round) {

    public enum State { NONE, UNDER_APPRAISAL, APPRAISED }

    public static final UnitAppraisal NONE = new UnitAppraisal(State.NONE, List.of(), 0);

    public UnitAppraisal {
        appraiserIds = List.copyOf(appraiserIds);
    }
}
