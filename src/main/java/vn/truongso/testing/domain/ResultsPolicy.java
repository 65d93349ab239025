package vn.truongso.testing.domain;

import java.time.Instant;

/** When a student sees her mark and the keys: right after submitting, after the window closes, or never. */
public enum ResultsPolicy {
    IMMEDIATELY, AFTER_CLOSE, NEVER;

    public boolean releasedAt(Instant now, Instant closesAt) {
        return switch (this) {
            case IMMEDIATELY -> true;
            case AFTER_CLOSE -> !now.isBefore(closesAt);
            case NEVER -> false;
        };
    }
}
