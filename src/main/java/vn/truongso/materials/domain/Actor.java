package vn.truongso.materials.domain;

import java.util.UUID;

import vn.truongso.platform.CurrentUser;

/** Who makes a move: kept with every transition of the history. */
public record Actor(UUID id, String name) {

    public static Actor of(CurrentUser user) {
        return new Actor(user.id(), user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName());
    }
}
