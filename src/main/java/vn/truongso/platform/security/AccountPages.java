package vn.truongso.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.VietnameseText;
import vn.truongso.platform.web.BilingualMessages;

/**
 * The user's own password and API tokens, and a school's accounts for the staff who manage them (IT staff, principal):
 * the list with lock state and the password reset that shows a temporary password once.
 */
@Controller
class AccountPages {

    static final int ACCOUNTS_PAGE_SIZE = 50;

    private final Accounts accounts;
    private final AccessPolicy access;
    private final OrgUnits orgUnits;
    private final BilingualMessages messages;

    AccountPages(Accounts accounts, AccessPolicy access, OrgUnits orgUnits, BilingualMessages messages) {
        this.accounts = accounts;
        this.access = access;
        this.orgUnits = orgUnits;
        this.messages = messages;
    }

    // ---- password ---------------------------------------------------------------------------------------------

    @GetMapping("/account/password")
    String passwordForm(CurrentUser user, HttpServletRequest request, Model model) {
        model.addAttribute("mustChange", MustChangePasswordInterceptor.mustChange(request));
        model.addAttribute("errors", FieldErrors.none());
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(CurrentUser user, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmPassword,
            HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new BadInputException(InputError.field("confirmPassword", "password.mismatch"));
            }
            accounts.changePassword(user, currentPassword, newPassword);
        } catch (BadInputException e) {
            model.addAttribute("mustChange", MustChangePasswordInterceptor.mustChange(request));
            model.addAttribute("errors", FieldErrors.of(e, messages, locale));
            return "account/password";
        }
        MustChangePasswordInterceptor.passwordChanged(request);
        redirect.addFlashAttribute("notice", "ui.password.changed");
        return "redirect:/";
    }

    // ---- API tokens ---------------------------------------------------------------------------------------------

    @GetMapping("/account/tokens")
    String tokens(CurrentUser user, Model model) {
        return tokensPage(user, model, null, FieldErrors.none(), "", 365);
    }

    @PostMapping("/account/tokens")
    String issueToken(CurrentUser user, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "365") String validDays,
            Locale locale, Model model) {
        int days;
        try {
            days = Integer.parseInt(validDays.strip());
        } catch (NumberFormatException e) {
            days = -1;
        }
        try {
            String token = accounts.issueApiToken(user, name, days);
            return tokensPage(user, model, token, FieldErrors.none(), "", 365);
        } catch (BadInputException e) {
            return tokensPage(user, model, null, FieldErrors.of(e, messages, locale), name, days);
        }
    }

    @PostMapping("/account/tokens/{tokenId}/revoke")
    String revokeToken(CurrentUser user, @PathVariable UUID tokenId, RedirectAttributes redirect) {
        accounts.revokeApiToken(user, tokenId);
        redirect.addFlashAttribute("notice", "ui.tokens.revoked");
        return "redirect:/account/tokens";
    }

    private String tokensPage(CurrentUser user, Model model, String newToken, FieldErrors errors, String name, int validDays) {
        model.addAttribute("tokens", accounts.apiTokens(user));
        model.addAttribute("newToken", newToken);
        model.addAttribute("errors", errors);
        model.addAttribute("name", name);
        model.addAttribute("validDays", validDays);
        return "account/tokens";
    }

    // ---- a school's accounts ------------------------------------------------------------------------------------

    @GetMapping("/schools/{schoolId}/accounts")
    String schoolAccounts(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        access.require(user, schoolId, Capability.MANAGE_ACCOUNTS);
        return accountsPage(schoolId, q, page, model);
    }

    @PostMapping("/schools/{schoolId}/accounts/{accountId}/reset")
    String resetPassword(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID accountId, Model model) {
        access.require(user, schoolId, Capability.MANAGE_ACCOUNTS);
        var target = accounts.find(accountId).filter(a -> schoolId.equals(a.homeOrgId()))
                .orElseThrow(() -> new NotFoundException("account " + accountId));
        String temporary = accounts.resetPassword(user, accountId);
        model.addAttribute("reset", Map.of("username", target.username(), "displayName", target.displayName(), "password", temporary));
        return accountsPage(schoolId, target.username(), 0, model);
    }

    private String accountsPage(UUID schoolId, String q, int page, Model model) {
        var school = orgUnits.find(schoolId).orElseThrow(() -> new NotFoundException("school " + schoolId));
        String folded = VietnameseText.fold(q);
        List<Accounts.AccountSummary> matching = accounts.ofOrgUnit(schoolId).stream()
                .filter(a -> folded.isEmpty() || VietnameseText.fold(a.username()).contains(folded)
                        || VietnameseText.fold(a.displayName()).contains(folded))
                .toList();
        int pages = Math.max(1, (matching.size() + ACCOUNTS_PAGE_SIZE - 1) / ACCOUNTS_PAGE_SIZE);
        int current = Math.clamp(page, 0, pages - 1);
        model.addAttribute("school", school);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("accounts", matching.subList(current * ACCOUNTS_PAGE_SIZE,
                Math.min(matching.size(), (current + 1) * ACCOUNTS_PAGE_SIZE)));
        model.addAttribute("total", matching.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "admin/accounts";
    }

    /** Errors of a form: those of a field, shown next to it, and the rest, shown above the form. */
    record FieldErrors(Map<String, List<String>> byField, List<String> general) {

        static FieldErrors none() {
            return new FieldErrors(Map.of(), List.of());
        }

        static FieldErrors of(BadInputException e, BilingualMessages messages, Locale locale) {
            Map<String, List<String>> byField = new LinkedHashMap<>();
            List<String> general = new ArrayList<>();
            for (InputError error : e.errors()) {
                if (error.column() != null && error.sheet() == null && error.row() == null) {
                    byField.computeIfAbsent(error.column(), k -> new ArrayList<>()).add(messages.in(locale, error.code(), error.args()));
                } else {
                    general.add(messages.describe(error, locale));
                }
            }
            return new FieldErrors(byField, general);
        }

        public boolean has(String field) {
            return byField.containsKey(field);
        }

        public List<String> at(String field) {
            return byField.getOrDefault(field, List.of());
        }

        public boolean any() {
            return !byField.isEmpty() || !general.isEmpty();
        }
    }
}
