package vn.truongso.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;

/**
 * The navigation of the page layout, computed when the layout renders ({@code ${@navigation.current()}}): the signed-in
 * user, her roles, the school the page is about (the one in the path, or her own school) and the links her capabilities
 * at that school allow. Every page, including error pages, gets the same menu without its controller doing anything.
 */
@Component("navigation")
public class Navigation {

    private static final Logger log = LoggerFactory.getLogger(Navigation.class);
    private static final Pattern SCHOOL_PATH = Pattern.compile("^/schools/([0-9a-fA-F-]{36})(?:/.*)?$");
    /** Set by platform.security's sign-in success handler while the user still has a temporary password. */
    static final String MUST_CHANGE_PASSWORD = "truongso.mustChangePassword";

    public record Link(String key, String href, boolean active) {
    }

    /**
     * @param user null when nobody is signed in
     * @param school the school the page is about, if any
     * @param links the main menu, in display order
     * @param restricted the user must change her temporary password first, so no menu is offered
     */
    public record Nav(CurrentUser user, List<Role> roles, OrgUnits.OrgUnit school, List<Link> links, String viUrl, String enUrl,
            boolean restricted) {

        public boolean signedIn() {
            return user != null;
        }
    }

    private final AccessPolicy access;
    private final OrgUnits orgUnits;

    Navigation(AccessPolicy access, OrgUnits orgUnits) {
        this.access = access;
        this.orgUnits = orgUnits;
    }

    public Nav current() {
        HttpServletRequest request = request();
        String path = path(request);
        String viUrl = languageUrl(request, path, "vi");
        String enUrl = languageUrl(request, path, "en");
        Optional<CurrentUser> signedIn = CurrentUser.find();
        if (signedIn.isEmpty()) {
            return new Nav(null, List.of(), null, List.of(), viUrl, enUrl, false);
        }
        CurrentUser user = signedIn.get();
        List<Role> roles = user.grants().stream().map(RoleGrant::role).distinct().sorted(Comparator.naturalOrder()).toList();
        var session = request == null ? null : request.getSession(false);
        if (session != null && session.getAttribute(MUST_CHANGE_PASSWORD) != null) {
            return new Nav(user, roles, null, List.of(), viUrl, enUrl, true);
        }
        try {
            OrgUnits.OrgUnit school = contextSchool(user, path).orElse(null);
            return new Nav(user, roles, school, links(user, school, path), viUrl, enUrl, false);
        } catch (RuntimeException e) {
            // The menu must never be the reason a page (an error page above all) fails to render.
            log.warn("navigation could not be built: {}", e.toString());
            return new Nav(user, roles, null, List.of(new Link("ui.nav.home", "/", "/".equals(path))), viUrl, enUrl, false);
        }
    }

    private Optional<OrgUnits.OrgUnit> contextSchool(CurrentUser user, String path) {
        Matcher matcher = SCHOOL_PATH.matcher(path);
        if (matcher.matches()) {
            try {
                UUID id = UUID.fromString(matcher.group(1));
                if (access.reaches(user, id)) {
                    return orgUnits.find(id);
                }
            } catch (IllegalArgumentException notAnId) {
                // fall through to the user's own school
            }
        }
        if (user.homeOrgId() != null && user.grants().stream().anyMatch(g -> g.role().isStaffOfSchool())) {
            return orgUnits.find(user.homeOrgId()).filter(unit -> unit.kind() == OrgUnits.Kind.SCHOOL);
        }
        return Optional.empty();
    }

    private List<Link> links(CurrentUser user, OrgUnits.OrgUnit school, String path) {
        List<Link> links = new ArrayList<>();
        links.add(link("ui.nav.home", "/", path));
        boolean teaches = user.personId() != null && (user.holds(Role.TEACHER) || user.holds(Role.GROUP_HEAD));
        if (teaches) {
            links.add(link("ui.nav.myClasses", "/my-classes", path));
        }
        if (user.grants().stream().anyMatch(g -> Capability.TAKE_TESTS.grantedTo(g.role()))) {
            links.add(link("testing.nav.myTests", "/tests", path));
        }
        if (user.grants().stream().anyMatch(g -> Capability.VIEW_MATERIALS.grantedTo(g.role()))) {
            links.add(link("materials.nav.library", "/materials", path));
        }
        if (user.grants().stream().anyMatch(g -> Capability.VIEW_QUESTION_BANKS.grantedTo(g.role()))) {
            links.add(link("questions.nav.banks", "/questions", path));
        } else if (user.grants().stream().anyMatch(g -> Capability.PRACTICE.grantedTo(g.role()))) {
            links.add(link("questions.nav.practice", "/questions/practice", path));
        }
        if (school != null) {
            String base = "/schools/" + school.id();
            if (access.allows(user, school.id(), Capability.VIEW_DIRECTORY)) {
                links.add(link("ui.nav.classes", base + "/classes", path));
                links.add(link("ui.nav.students", base + "/students", path));
                links.add(link("ui.nav.staff", base + "/staff", path));
                links.add(link("ui.nav.subjectGroups", base + "/subject-groups", path));
                links.add(link("ui.nav.assignments", base + "/assignments", path));
            }
            if (access.allows(user, school.id(), Capability.MANAGE_DIRECTORY)) {
                links.add(link("ui.nav.roster", base + "/roster", path));
            }
            if (school.id().equals(user.homeOrgId()) && access.allows(user, school.id(), Capability.VIEW_QUESTION_BANKS)) {
                links.add(link("papers.nav", "/papers", path));
            }
            if (access.allows(user, school.id(), Capability.MANAGE_TESTS)) {
                links.add(link("testing.nav.sessions", base + "/test-sessions", path));
            }
            if (access.allows(user, school.id(), Capability.IMPORT_CONTENT_PACKAGES)) {
                links.add(link("packages.nav", base + "/packages", path));
            }
            if (access.allows(user, school.id(), Capability.MANAGE_ACCOUNTS)) {
                links.add(link("ui.nav.accounts", base + "/accounts", path));
            }
            if (access.allows(user, school.id(), Capability.VIEW_AUDIT)) {
                links.add(link("ui.nav.audit", base + "/audit", path));
            }
        }
        if (user.grants().stream().anyMatch(grant -> grant.role() != Role.STUDENT && grant.role() != Role.PARENT)) {
            links.add(link("ui.nav.curriculum", "/curriculum", path));
        }
        return links;
    }

    private static Link link(String key, String href, String path) {
        boolean active = "/".equals(href) ? "/".equals(path) : path.equals(href) || path.startsWith(href + "/");
        return new Link(key, href, active);
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes ? attributes.getRequest() : null;
    }

    /** The path the user asked for; on an error page, the path that failed rather than /error. */
    private static String path(HttpServletRequest request) {
        if (request == null) {
            return "/";
        }
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** The same page in the other language; a form's POST target is not a page, so those switch on the home page. */
    private static String languageUrl(HttpServletRequest request, String path, String language) {
        if (request == null || !"GET".equals(request.getMethod()) || request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null) {
            return "/?lang=" + language;
        }
        return UriComponentsBuilder.fromPath(path).query(request.getQueryString()).replaceQueryParam("lang", language).build().toUriString();
    }
}
