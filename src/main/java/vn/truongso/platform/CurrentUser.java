package vn.truongso.platform;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as every module sees her: who she is, the org unit her account belongs to, the person record
 * (staff, student or guardian) it stands for, and her role grants. It carries no password.
 */
public record CurrentUser(UUID id, String username, String displayName, UUID homeOrgId, UUID personId, String locale,
        List<RoleGrant> grants) implements UserDetails {

    public CurrentUser {
        grants = List.copyOf(grants);
    }

    /** The user of the current request, if one is signed in. */
    public static Optional<CurrentUser> find() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? Optional.of(user) : Optional.empty();
    }

    public static CurrentUser require() {
        return find().orElseThrow(() -> new ForbiddenException("not signed in"));
    }

    public boolean holds(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public List<UUID> unitsWhereHolding(Role role) {
        return grants.stream().filter(g -> g.role() == role).map(RoleGrant::orgUnitId).toList();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return grants.stream().map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name())).distinct().toList();
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return username;
    }
}
