package vn.truongso.materials.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.Subject;
import vn.truongso.materials.MaterialKind;
import vn.truongso.materials.VersionStatus;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.OrgUnits;

/** The search page of a school's repository: ranked hits with snippets, and facet counts that narrow the search. */
@Controller
class MaterialSearchPage {

    private final MaterialSearch search;
    private final OrgUnits orgUnits;
    private final Curriculum curriculum;

    MaterialSearchPage(MaterialSearch search, OrgUnits orgUnits, Curriculum curriculum) {
        this.search = search;
        this.orgUnits = orgUnits;
        this.curriculum = curriculum;
    }

    @GetMapping("/schools/{schoolId}/materials/search")
    String page(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) String q,
            @RequestParam(required = false) String subject, @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) MaterialKind kind, @RequestParam(required = false) VersionStatus status,
            @RequestParam(required = false) String scope, @RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
        MaterialSearch.Result result = search.search(user, schoolId,
                new MaterialSearch.Query(q, subject, grade, kind, null, status, MaterialSearch.scope(scope), Math.max(page, 1), 20));
        model.addAttribute("school", orgUnits.find(schoolId).orElseThrow());
        model.addAttribute("result", result);
        model.addAttribute("q", q == null ? "" : q);
        Map<String, Object> chosen = new LinkedHashMap<>();
        chosen.put("subject", subject == null || subject.isBlank() ? null : subject.strip().toUpperCase(Locale.ROOT));
        chosen.put("grade", grade);
        chosen.put("kind", kind);
        chosen.put("status", status);
        chosen.put("scope", MaterialSearch.scope(scope));
        model.addAttribute("chosen", chosen);
        boolean english = "en".equals(locale.getLanguage());
        Map<String, String> subjects = new LinkedHashMap<>();
        for (Subject s : curriculum.subjects()) {
            subjects.put(s.code(), english ? s.nameEn() : s.nameVi());
        }
        model.addAttribute("subjects", subjects);
        model.addAttribute("pages", (int) Math.min(50, (result.total() + 19) / 20));
        model.addAttribute("facetNames", List.of("scope", "subject", "grade", "kind"));
        return "materials/search";
    }
}
