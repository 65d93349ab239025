package vn.truongso.materials.domain;

import java.time.Instant;
import java.util.UUID;

/** One line of a material's history: who moved it (or which version), from where to where, when and why. */
public record Transition(UUID id, UUID versionId, Action action, String fromState, String toState, Actor actor, String comment,
        Instant at) {
}
