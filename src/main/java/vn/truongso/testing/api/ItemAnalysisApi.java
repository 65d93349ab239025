package vn.truongso.testing.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.web.BilingualMessages;
import vn.truongso.testing.analysis.ItemAnalysisResult;
import vn.truongso.testing.analysis.ItemStatistics;
import vn.truongso.testing.analysis.Measure;
import vn.truongso.testing.analysis.TestStatistics;
import vn.truongso.testing.domain.SessionAnalysis;

/**
 * The item analysis of a session (MANAGE_TESTS) as JSON and as an .xlsx workbook. An absent figure is
 * {@code {"value": null, "reasonCode", "reason", "reasonEn"}}; a present one {@code {"value": 0.4242}}.
 */
@RestController
@RequestMapping("/api/v1/schools/{schoolId}/test-sessions/{sessionId}")
class ItemAnalysisApi {

    private final SessionAnalysis analysis;
    private final BilingualMessages messages;

    ItemAnalysisApi(SessionAnalysis analysis, BilingualMessages messages) {
        this.analysis = analysis;
        this.messages = messages;
    }

    @GetMapping("/analysis")
    Map<String, Object> analysis(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId) {
        SessionAnalysis.Analysed a = analysis.analyse(user, schoolId, sessionId);
        ItemAnalysisResult r = a.result();
        TestStatistics t = r.test();
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("attempts", t.attempts());
        test.put("items", t.items());
        test.put("maxScore", t.maxScore());
        test.put("mean", measure(t.mean()));
        test.put("standardDeviation", measure(t.standardDeviation()));
        test.put("reliabilityMethod", t.reliabilityMethod());
        test.put("reliability", measure(t.reliability()));
        test.put("standardErrorOfMeasurement", measure(t.standardErrorOfMeasurement()));
        List<Map<String, Object>> items = r.items().stream().map(this::item).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sessionId", a.session().id());
        out.put("title", a.session().title());
        out.put("test", test);
        out.put("items", items);
        return out;
    }

    @GetMapping("/analysis.xlsx")
    ResponseEntity<byte[]> workbook(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId) {
        byte[] workbook = analysis.workbook(user, schoolId, sessionId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("phan-tich-cau-hoi-" + sessionId + ".xlsx").build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).body(workbook);
    }

    private Map<String, Object> item(ItemStatistics s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("questionId", s.item().id());
        m.put("label", s.item().label());
        m.put("maxPoints", s.item().maxPoints());
        m.put("attempts", s.attempts());
        m.put("meanPoints", measure(s.meanPoints()));
        m.put("difficulty", measure(s.difficulty()));
        m.put("discrimination", measure(s.discrimination()));
        m.put("upperLowerIndex", measure(s.upperLowerIndex()));
        m.put("dichotomous", s.dichotomous());
        m.put("omitted", s.omitted());
        m.put("omittedShare", measure(s.omittedShare()));
        m.put("flags", s.flags().stream().map(Enum::name).sorted().toList());
        m.put("options", s.options().stream().map(o -> {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("id", o.option().id());
            om.put("label", o.option().label());
            om.put("key", o.option().key());
            om.put("count", o.count());
            om.put("share", measure(o.share()));
            return om;
        }).toList());
        return m;
    }

    private Map<String, Object> measure(Measure m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", m.value());
        if (!m.isPresent()) {
            String key = SessionAnalysis.reasonKey(m.absentReason());
            out.put("reasonCode", key);
            out.put("reason", messages.vi(key));
            out.put("reasonEn", messages.en(key));
        }
        return out;
    }
}
