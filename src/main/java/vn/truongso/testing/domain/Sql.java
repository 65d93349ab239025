package vn.truongso.testing.domain;

import java.util.Collection;
import java.util.UUID;

/** Small helpers for arrays in SQL parameters (passed as text[] and cast, which every driver version accepts). */
final class Sql {

    private Sql() {
    }

    static String[] uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
