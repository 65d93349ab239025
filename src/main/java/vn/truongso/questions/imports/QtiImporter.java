package vn.truongso.questions.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * IMS QTI 2.0/2.1/2.2 items: a single {@code assessmentItem} .xml or an IMS content package (.zip with
 * {@code imsmanifest.xml}). Supported: choiceInteraction (single and multiple), textEntryInteraction (one: short
 * answer; several, or inlineChoiceInteraction: cloze), extendedTextInteraction (essay), matchInteraction,
 * orderInteraction, gapMatchInteraction (cloze with choices); response processing by the match_correct and map_response templates (the mapping gives weights).
 * No XSD is fetched: the items are checked against the schema's rules for what we read (required attributes,
 * allowed attributes, enumerations, identifier syntax), and the XML parser refuses DOCTYPEs and external entities.
 */
public final class QtiImporter implements QuestionImporter {

    static final Set<String> NAMESPACES = Set.of("http://www.imsglobal.org/xsd/imsqti_v2p0", "http://www.imsglobal.org/xsd/imsqti_v2p1",
            "http://www.imsglobal.org/xsd/imsqti_v2p2");
    /** An outcome our exporter writes so that a round trip keeps the question's points. */
    public static final String MAXSCORE = "MAXSCORE";
    /** Our question type where QTI has none, in the item's label. */
    public static final String LABEL_PREFIX = "truongso:";

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-]*");
    private static final long MAX_PACKAGE_BYTES = 100L * 1024 * 1024;
    private static final int MAX_ENTRIES = 5000;

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "assessmentItem", Set.of("identifier", "title", "label", "adaptive", "timeDependent", "toolName", "toolVersion", "lang"),
            "responseDeclaration", Set.of("identifier", "cardinality", "baseType"),
            "outcomeDeclaration", Set.of("identifier", "cardinality", "baseType", "interpretation", "longInterpretation", "normalMaximum",
                    "normalMinimum", "masteryValue", "view", "externalScored", "variableIdentifierRef"),
            "correctResponse", Set.of("interpretation"),
            "mapping", Set.of("lowerBound", "upperBound", "defaultValue"),
            "mapEntry", Set.of("mapKey", "mappedValue", "caseSensitive"),
            "responseProcessing", Set.of("template", "templateLocation"));
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "assessmentItem", List.of("identifier", "title", "adaptive", "timeDependent"),
            "responseDeclaration", List.of("identifier", "cardinality"),
            "outcomeDeclaration", List.of("identifier", "cardinality"),
            "mapEntry", List.of("mapKey", "mappedValue"));
    private static final Set<String> CARDINALITIES = Set.of("single", "multiple", "ordered", "record");
    private static final Set<String> BASE_TYPES = Set.of("identifier", "boolean", "integer", "float", "string", "point", "pair",
            "directedPair", "duration", "file", "uri", "intOrIdentifier");
    private static final Set<String> BLOCK_INTERACTIONS = Set.of("choiceInteraction", "extendedTextInteraction", "matchInteraction",
            "orderInteraction", "gapMatchInteraction");
    private static final Set<String> INLINE_INTERACTIONS = Set.of("textEntryInteraction", "inlineChoiceInteraction");
    private static final Set<String> OTHER_INTERACTIONS = Set.of("associateInteraction", "hottextInteraction",
            "hotspotInteraction", "selectPointInteraction", "graphicOrderInteraction", "graphicAssociateInteraction",
            "graphicGapMatchInteraction", "positionObjectInteraction", "sliderInteraction", "drawingInteraction", "uploadInteraction",
            "mediaInteraction", "customInteraction", "endAttemptInteraction");

    @Override
    public String format() {
        return "qti";
    }

    @Override
    public ImportResult parse(ImportSource source) {
        List<Problem> problems = new ArrayList<>();
        List<ParsedQuestion> questions = new ArrayList<>();
        byte[] bytes = source.bytes();
        if (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K') {
            Map<String, byte[]> files = unzip(bytes, problems);
            if (files == null) {
                return new ImportResult(questions, problems);
            }
            byte[] manifest = files.get("imsmanifest.xml");
            if (manifest == null) {
                problems.add(Problem.at(null, null, "questions.import.qti.badPackage"));
                return new ImportResult(questions, problems);
            }
            List<String> hrefs = itemHrefs(manifest, problems);
            for (String href : hrefs) {
                int number = questions.size() + 1;
                byte[] item = files.get(href);
                if (item == null) {
                    problems.add(Problem.at(number, null, "questions.import.qti.missingItem", href));
                    continue;
                }
                String base = href.contains("/") ? href.substring(0, href.lastIndexOf('/') + 1) : "";
                Question q = item(item, number, files, base, source.attachments(), problems);
                if (q != null) {
                    questions.add(new ParsedQuestion(number, null, q));
                }
            }
            return new ImportResult(questions, problems);
        }
        Question q = item(bytes, 1, Map.of(), "", source.attachments(), problems);
        if (q != null) {
            questions.add(new ParsedQuestion(1, null, q));
        }
        return new ImportResult(questions, problems);
    }

    private static Map<String, byte[]> unzip(byte[] bytes, List<Problem> problems) {
        Map<String, byte[]> files = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (files.size() >= MAX_ENTRIES) {
                    throw new IOException("too many entries");
                }
                if (e.isDirectory() || e.getName().contains("..")) {
                    continue;
                }
                byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_PACKAGE_BYTES - total + 1));
                total += content.length;
                if (total > MAX_PACKAGE_BYTES) {
                    throw new IOException("package too large");
                }
                files.put(e.getName().replace('\\', '/'), content);
            }
        } catch (IOException | IllegalArgumentException ex) {
            problems.add(Problem.at(null, null, "questions.import.qti.badPackage"));
            return null;
        }
        return files;
    }

    private static List<String> itemHrefs(byte[] manifest, List<Problem> problems) {
        List<String> hrefs = new ArrayList<>();
        try {
            Document doc = SafeXml.parse(manifest);
            for (Element r : SafeXml.descendants(doc.getDocumentElement(), "resource")) {
                String type = r.getAttribute("type");
                if (type.startsWith("imsqti_item") && !r.getAttribute("href").isEmpty()) {
                    hrefs.add(r.getAttribute("href"));
                }
            }
        } catch (SafeXml.XmlError e) {
            problems.add(Problem.at(null, e.line() > 0 ? e.line() : null, "questions.import.xml.malformed", e.getMessage()));
        }
        return hrefs;
    }

    /** One assessmentItem: checked, then mapped to a question (null with problems added when it cannot be). */
    Question item(byte[] bytes, int number, Map<String, byte[]> files, String base, Attachments attachments, List<Problem> problems) {
        if (bytes.length == 0) {
            problems.add(Problem.at(number, null, "questions.import.emptyFile"));
            return null;
        }
        Document doc;
        try {
            doc = SafeXml.parse(bytes);
        } catch (SafeXml.XmlError e) {
            problems.add(Problem.at(number, e.line() > 0 ? e.line() : null, "questions.import.xml.malformed", e.getMessage()));
            return null;
        }
        Element root = doc.getDocumentElement();
        if (!"assessmentItem".equals(SafeXml.name(root))) {
            problems.add(Problem.at(number, null, "questions.import.qti.notQti", SafeXml.name(root)));
            return null;
        }
        if (root.getNamespaceURI() == null || !NAMESPACES.contains(root.getNamespaceURI())) {
            problems.add(Problem.at(number, null, "questions.import.qti.noVersion"));
            return null;
        }
        int before = problems.size();
        check(root, number, problems);
        if (problems.size() > before) {
            return null;
        }
        try {
            return map(root, number, files, base, attachments, problems);
        } catch (Unsupported u) {
            problems.add(Problem.at(number, null, u.code, u.args));
            return null;
        }
    }

    private static final class Unsupported extends RuntimeException {
        final String code;
        final Object[] args;

        Unsupported(String code, Object... args) {
            super(code, null, false, false);
            this.code = code;
            this.args = args;
        }
    }

    /** The schema rules we rely on, for every element of the item. */
    private static void check(Element e, int number, List<Problem> problems) {
        String name = SafeXml.name(e);
        Set<String> allowed = ALLOWED.get(name);
        if (allowed != null) {
            for (int i = 0; i < e.getAttributes().getLength(); i++) {
                Node a = e.getAttributes().item(i);
                String ns = a.getNamespaceURI();
                if (ns != null) {
                    continue;
                }
                String attr = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
                if (!allowed.contains(attr)) {
                    problems.add(Problem.at(number, null, "questions.import.qti.invalid", "attribute " + attr + " is not allowed on " + name));
                }
            }
        }
        for (String req : REQUIRED.getOrDefault(name, List.of())) {
            if (!e.hasAttribute(req)) {
                problems.add(Problem.at(number, null, "questions.import.qti.invalid", name + " needs the attribute " + req));
            }
        }
        if (name.endsWith("Declaration") || name.equals("assessmentItem") || name.equals("simpleChoice")
                || name.equals("simpleAssociableChoice") || name.equals("inlineChoice")) {
            String id = e.getAttribute("identifier");
            if (e.hasAttribute("identifier") && !IDENTIFIER.matcher(id).matches()) {
                problems.add(Problem.at(number, null, "questions.import.qti.badIdentifier", id));
            }
        }
        if (e.hasAttribute("cardinality") && name.endsWith("Declaration") && !CARDINALITIES.contains(e.getAttribute("cardinality"))) {
            problems.add(Problem.at(number, null, "questions.import.qti.invalid", "cardinality " + e.getAttribute("cardinality")));
        }
        if (e.hasAttribute("baseType") && name.endsWith("Declaration") && !BASE_TYPES.contains(e.getAttribute("baseType"))) {
            problems.add(Problem.at(number, null, "questions.import.qti.invalid", "baseType " + e.getAttribute("baseType")));
        }
        if (name.endsWith("Interaction") && !e.hasAttribute("responseIdentifier") && !name.equals("mediaInteraction")
                && !name.equals("endAttemptInteraction")) {
            problems.add(Problem.at(number, null, "questions.import.qti.invalid", name + " needs the attribute responseIdentifier"));
        }
        for (Element c : SafeXml.children(e)) {
            check(c, number, problems);
        }
    }

    /** A response declaration as we use it. */
    private record Declaration(String id, String cardinality, String baseType, List<String> correct, Map<String, BigDecimal> mapping,
            BigDecimal defaultValue, BigDecimal upperBound, boolean caseSensitive) {
    }

    private Question map(Element root, int number, Map<String, byte[]> files, String base, Attachments attachments, List<Problem> problems) {
        Map<String, Declaration> declarations = new LinkedHashMap<>();
        for (Element d : SafeXml.children(root, "responseDeclaration")) {
            List<String> correct = new ArrayList<>();
            Element cr = SafeXml.child(d, "correctResponse");
            if (cr != null) {
                SafeXml.children(cr, "value").forEach(v -> correct.add(v.getTextContent().strip()));
            }
            Map<String, BigDecimal> mapping = new LinkedHashMap<>();
            BigDecimal defaultValue = BigDecimal.ZERO;
            BigDecimal upper = null;
            boolean caseSensitive = true;
            Element m = SafeXml.child(d, "mapping");
            if (m != null) {
                defaultValue = decimal(m.getAttribute("defaultValue"), BigDecimal.ZERO);
                upper = decimal(m.getAttribute("upperBound"), null);
                for (Element entry : SafeXml.children(m, "mapEntry")) {
                    mapping.put(entry.getAttribute("mapKey").strip(), decimal(entry.getAttribute("mappedValue"), BigDecimal.ZERO));
                    if ("false".equals(entry.getAttribute("caseSensitive"))) {
                        caseSensitive = false;
                    }
                }
            }
            declarations.put(d.getAttribute("identifier"), new Declaration(d.getAttribute("identifier"), d.getAttribute("cardinality"),
                    d.getAttribute("baseType"), correct, mapping, defaultValue, upper, caseSensitive));
        }
        BigDecimal points = null;
        for (Element o : SafeXml.children(root, "outcomeDeclaration")) {
            if (MAXSCORE.equals(o.getAttribute("identifier"))) {
                Element dv = SafeXml.child(o, "defaultValue");
                Element v = dv == null ? null : SafeXml.child(dv, "value");
                points = v == null ? null : decimal(v.getTextContent(), null);
            }
        }
        if (SafeXml.child(root, "templateDeclaration") != null || SafeXml.child(root, "templateProcessing") != null) {
            throw new Unsupported("questions.import.qti.templates");
        }
        Element body = SafeXml.child(root, "itemBody");
        if (body == null) {
            throw new Unsupported("questions.import.qti.noInteraction");
        }
        body = (Element) body.cloneNode(true);
        List<Element> interactions = new ArrayList<>();
        collectInteractions(body, interactions);
        if (interactions.isEmpty()) {
            throw new Unsupported("questions.import.qti.noInteraction");
        }
        for (Element i : interactions) {
            String n = SafeXml.name(i);
            if (!BLOCK_INTERACTIONS.contains(n) && !INLINE_INTERACTIONS.contains(n)) {
                throw new Unsupported("questions.import.qti.unsupportedInteraction", n);
            }
            if (!declarations.containsKey(i.getAttribute("responseIdentifier"))) {
                problems.add(Problem.at(number, null, "questions.import.qti.invalid",
                        "no responseDeclaration " + i.getAttribute("responseIdentifier")));
                return null;
            }
        }
        boolean allInline = interactions.stream().allMatch(i -> INLINE_INTERACTIONS.contains(SafeXml.name(i)));
        if (interactions.size() > 1 && !allInline) {
            throw new Unsupported("questions.import.qti.unsupportedInteraction", "several interactions");
        }
        rewriteMedia(body, files, base, attachments);
        Element rubricBlock = SafeXml.descendants(body, "rubricBlock").stream().findFirst().orElse(null);
        String rubric = null;
        if (rubricBlock != null) {
            rubric = SafeXml.innerXml(rubricBlock);
            rubricBlock.getParentNode().removeChild(rubricBlock);
        }
        String title = root.getAttribute("title");
        String label = root.getAttribute("label");
        String ourType = label.startsWith(LABEL_PREFIX) ? label.substring(LABEL_PREFIX.length()) : "";
        Question.Builder q;
        if (interactions.size() == 1 && SafeXml.name(interactions.getFirst()).equals("gapMatchInteraction")) {
            Element interaction = interactions.getFirst();
            q = gapMatch(body, interaction, declarations.get(interaction.getAttribute("responseIdentifier")));
        } else if (allInline) {
            q = inline(body, interactions, declarations);
            if (q.type().equals(QuestionTypes.SHORT_ANSWER)) {
                numericConditions(root, q, points == null ? BigDecimal.ONE : points);
            }
        } else {
            Element interaction = interactions.getFirst();
            Declaration d = declarations.get(interaction.getAttribute("responseIdentifier"));
            Element prompt = SafeXml.child(interaction, "prompt");
            String promptXml = prompt == null ? "" : SafeXml.innerXml(prompt);
            interaction.getParentNode().removeChild(interaction);
            String stem = SafeXml.innerXml(body);
            if (!promptXml.isEmpty()) {
                stem = stem.isEmpty() ? promptXml : stem + "\n<p>" + promptXml + "</p>";
            }
            q = switch (SafeXml.name(interaction)) {
                case "choiceInteraction" -> choice(interaction, d);
                case "extendedTextInteraction" -> Question.builder(QuestionTypes.ESSAY);
                case "matchInteraction" -> ourType.equals(QuestionTypes.TRUE_FALSE_CLUSTER) ? cluster(interaction, d) : match(interaction, d);
                case "orderInteraction" -> order(interaction, d);
                default -> throw new Unsupported("questions.import.qti.unsupportedInteraction", SafeXml.name(interaction));
            };
            q.stem(Content.html(stem));
            if (ourType.equals(QuestionTypes.TRUE_FALSE) && q.type().equals(QuestionTypes.SINGLE_CHOICE)) {
                q.type(QuestionTypes.TRUE_FALSE);
            }
            if (points == null) {
                points = maxScore(root, d);
            }
        }
        if (points == null) {
            points = BigDecimal.ONE;
        }
        if (rubric != null) {
            q.rubric(Content.html(rubric));
        }
        return q.title(title.isBlank() ? null : title).externalId(root.getAttribute("identifier")).points(points).build();
    }

    /**
     * gapMatchInteraction: a cloze whose every gap offers the interaction's gap texts; the correct response pairs a
     * gap text with a gap ("W G1"). The interaction's content stays in the stem with [[gap]] markers.
     */
    private static Question.Builder gapMatch(Element body, Element interaction, Declaration d) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Element t : SafeXml.children(interaction, "gapText")) {
            texts.put(t.getAttribute("identifier"), SafeXml.innerXml(t));
            interaction.removeChild(t);
        }
        Map<String, Set<String>> rightTexts = new HashMap<>();
        for (String value : d.correct()) {
            String[] p = value.split("\\s+");
            if (p.length == 2) {
                rightTexts.computeIfAbsent(p[1], k -> new java.util.HashSet<>()).add(p[0]);
            }
        }
        Element prompt = SafeXml.child(interaction, "prompt");
        String promptXml = "";
        if (prompt != null) {
            promptXml = "<p>" + SafeXml.innerXml(prompt) + "</p>";
            interaction.removeChild(prompt);
        }
        Question.Builder q = Question.builder(QuestionTypes.CLOZE);
        for (Element gap : SafeXml.descendants(interaction, "gap")) {
            String id = gap.getAttribute("identifier");
            Set<String> right = rightTexts.getOrDefault(id, Set.of());
            List<Choice> options = new ArrayList<>();
            texts.forEach((tid, text) -> options.add(new Choice(tid, Content.html(text), right.contains(tid), null, null)));
            q.gap(new Gap(id, options, true));
            gap.getParentNode().replaceChild(body.getOwnerDocument().createTextNode(Gap.marker(id)), gap);
        }
        Node parent = interaction.getParentNode();
        while (interaction.getFirstChild() != null) {
            parent.insertBefore(interaction.getFirstChild(), interaction);
        }
        parent.removeChild(interaction);
        return q.stem(Content.html(promptXml + SafeXml.innerXml(body)));
    }

    /** The 2025 true/false cluster as our exporter writes it: statements matched against TRUE / FALSE. */
    private static Question.Builder cluster(Element interaction, Declaration d) {
        List<Element> sets = SafeXml.children(interaction, "simpleMatchSet");
        Question.Builder q = Question.builder(QuestionTypes.TRUE_FALSE_CLUSTER);
        Set<String> trueStatements = new java.util.HashSet<>();
        for (String value : d.correct()) {
            String[] p = value.split("\\s+");
            if (p.length == 2 && p[1].equals("TRUE")) {
                trueStatements.add(p[0]);
            }
        }
        for (Element s : SafeXml.children(sets.getFirst(), "simpleAssociableChoice")) {
            String id = s.getAttribute("identifier");
            q.choice(new Choice(id, Content.html(SafeXml.innerXml(s)), trueStatements.contains(id), null, null));
        }
        return q;
    }

    /** Numbers with a tolerance, written as response conditions (equal with toleranceMode="absolute"). */
    private static void numericConditions(Element root, Question.Builder q, BigDecimal points) {
        Element rp = SafeXml.child(root, "responseProcessing");
        if (rp == null || q.build().numbers().isEmpty()) {
            return;
        }
        List<NumericAnswer> numbers = new ArrayList<>();
        for (Element equal : SafeXml.descendants(rp, "equal")) {
            Element value = SafeXml.child(equal, "baseValue");
            Element branch = (Element) equal.getParentNode();
            Element set = SafeXml.child(branch, "setOutcomeValue");
            Element score = set == null ? null : SafeXml.child(set, "baseValue");
            if (value == null) {
                continue;
            }
            BigDecimal tolerance = BigDecimal.ZERO;
            if ("absolute".equals(equal.getAttribute("toleranceMode"))) {
                tolerance = decimal(equal.getAttribute("tolerance").strip().split("\\s+")[0], BigDecimal.ZERO);
            }
            BigDecimal fraction = null;
            BigDecimal earned = score == null ? null : decimal(score.getTextContent(), null);
            if (earned != null && points.signum() > 0 && earned.compareTo(points) != 0) {
                fraction = earned.divide(points, 6, RoundingMode.HALF_UP).stripTrailingZeros();
            }
            numbers.add(new NumericAnswer(decimal(value.getTextContent(), BigDecimal.ZERO), tolerance, fraction, null, false));
        }
        if (!numbers.isEmpty()) {
            Question built = q.build();
            Question replaced = new Question(built.type(), built.title(), built.stem(), built.points(), built.choices(), numbers, built.pairs(),
                    built.gaps(), built.generalFeedback(), built.rubric(), built.caseSensitive(), built.ignoreDiacritics(), built.category(),
                    built.externalId(), built.classification());
            q.numbersFrom(replaced);
        }
    }

    private static void collectInteractions(Element e, List<Element> out) {
        for (Element c : SafeXml.children(e)) {
            String n = SafeXml.name(c);
            if (n.endsWith("Interaction") && (BLOCK_INTERACTIONS.contains(n) || INLINE_INTERACTIONS.contains(n) || OTHER_INTERACTIONS.contains(n))) {
                out.add(c);
            } else {
                collectInteractions(c, out);
            }
        }
    }

    private static BigDecimal maxScore(Element root, Declaration d) {
        Element rp = SafeXml.child(root, "responseProcessing");
        String template = rp == null ? "" : rp.getAttribute("template");
        if (template.endsWith("map_response") && !d.mapping().isEmpty()) {
            if (d.upperBound() != null) {
                return d.upperBound();
            }
            BigDecimal sum = d.mapping().values().stream().filter(v -> v.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (!"multiple".equals(d.cardinality()) && !"ordered".equals(d.cardinality())) {
                sum = d.mapping().values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
            }
            return sum.signum() > 0 ? sum : BigDecimal.ONE;
        }
        return BigDecimal.ONE;
    }

    private static Question.Builder choice(Element interaction, Declaration d) {
        boolean multiple = "multiple".equals(d.cardinality()) || !"1".equals(interaction.getAttribute("maxChoices"));
        if (!interaction.hasAttribute("maxChoices") && "single".equals(d.cardinality())) {
            multiple = false;
        }
        Question.Builder q = Question.builder(multiple ? QuestionTypes.MULTIPLE_RESPONSE : QuestionTypes.SINGLE_CHOICE);
        // A mapping that merely restates the correct set with equal values is all-or-nothing; anything else is weights.
        boolean weighted = multiple && !d.mapping().isEmpty() && (d.defaultValue().signum() != 0
                || !d.mapping().keySet().equals(Set.copyOf(d.correct())) || d.mapping().values().stream().map(BigDecimal::stripTrailingZeros).distinct().count() > 1);
        BigDecimal total = d.mapping().values().stream().filter(v -> v.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Element c : SafeXml.children(interaction, "simpleChoice")) {
            String id = c.getAttribute("identifier");
            BigDecimal fraction = null;
            if (weighted && total.signum() > 0) {
                BigDecimal mapped = d.mapping().getOrDefault(id, d.defaultValue());
                fraction = mapped.signum() == 0 ? null : mapped.divide(total, 6, RoundingMode.HALF_UP).stripTrailingZeros();
            }
            q.choice(new Choice(id, Content.html(SafeXml.innerXml(c)), d.correct().contains(id), fraction, null));
        }
        return q;
    }

    private static Question.Builder match(Element interaction, Declaration d) {
        List<Element> sets = SafeXml.children(interaction, "simpleMatchSet");
        if (sets.size() != 2) {
            throw new Unsupported("questions.import.qti.unsupportedInteraction", "matchInteraction");
        }
        Map<String, String> targets = new LinkedHashMap<>();
        for (Element t : SafeXml.children(sets.get(1), "simpleAssociableChoice")) {
            targets.put(t.getAttribute("identifier"), SafeXml.innerXml(t));
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String value : d.correct()) {
            String[] p = value.split("\\s+");
            if (p.length == 2) {
                pairs.put(p[0], p[1]);
            }
        }
        Question.Builder q = Question.builder(QuestionTypes.MATCHING);
        Set<String> used = new java.util.HashSet<>();
        for (Element s : SafeXml.children(sets.get(0), "simpleAssociableChoice")) {
            String target = pairs.get(s.getAttribute("identifier"));
            if (target != null && targets.containsKey(target)) {
                q.pair(new MatchPair(s.getAttribute("identifier"), Content.html(SafeXml.innerXml(s)), targets.get(target)));
                used.add(target);
            }
        }
        targets.forEach((id, text) -> {
            if (!used.contains(id)) {
                q.pair(new MatchPair(id, null, text));
            }
        });
        return q;
    }

    private static Question.Builder order(Element interaction, Declaration d) {
        Map<String, String> items = new LinkedHashMap<>();
        for (Element c : SafeXml.children(interaction, "simpleChoice")) {
            items.put(c.getAttribute("identifier"), SafeXml.innerXml(c));
        }
        Question.Builder q = Question.builder(QuestionTypes.ORDERING);
        List<String> order = new ArrayList<>(d.correct());
        items.keySet().stream().filter(id -> !order.contains(id)).forEach(order::add);
        for (String id : order) {
            if (items.containsKey(id)) {
                q.choice(new Choice(id, Content.html(items.get(id)), true, null, null));
            }
        }
        return q;
    }

    /** One text entry: a short answer whose blank is "_____"; several, or inline choices: a cloze with [[id]] markers. */
    private static Question.Builder inline(Element body, List<Element> interactions, Map<String, Declaration> declarations) {
        if (interactions.size() == 1 && SafeXml.name(interactions.getFirst()).equals("textEntryInteraction")) {
            Element i = interactions.getFirst();
            Declaration d = declarations.get(i.getAttribute("responseIdentifier"));
            i.getParentNode().replaceChild(body.getOwnerDocument().createTextNode("_____"), i);
            Question.Builder q = Question.builder(QuestionTypes.SHORT_ANSWER).stem(Content.html(SafeXml.innerXml(body)))
                    .caseSensitive(d.caseSensitive());
            if (d.baseType().equals("float") || d.baseType().equals("integer")) {
                for (String v : d.correct()) {
                    q.number(new NumericAnswer(new BigDecimal(v), BigDecimal.ZERO, null, null, false));
                }
            } else {
                textAnswers(d).forEach(q::choice);
            }
            return q;
        }
        Question.Builder q = Question.builder(QuestionTypes.CLOZE);
        for (Element i : interactions) {
            String id = i.getAttribute("responseIdentifier");
            Declaration d = declarations.get(id);
            if (SafeXml.name(i).equals("inlineChoiceInteraction")) {
                List<Choice> options = new ArrayList<>();
                for (Element c : SafeXml.children(i, "inlineChoice")) {
                    String cid = c.getAttribute("identifier");
                    options.add(new Choice(cid, Content.html(SafeXml.innerXml(c)), d.correct().contains(cid), null, null));
                }
                q.gap(new Gap(id, options, true));
            } else {
                q.caseSensitive(d.caseSensitive());
                q.gap(new Gap(id, textAnswers(d), false));
            }
            i.getParentNode().replaceChild(body.getOwnerDocument().createTextNode(Gap.marker(id)), i);
        }
        return q.stem(Content.html(SafeXml.innerXml(body)));
    }

    private static List<Choice> textAnswers(Declaration d) {
        List<Choice> out = new ArrayList<>();
        BigDecimal max = d.mapping().values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        int n = 0;
        for (String v : d.correct()) {
            out.add(new Choice(String.valueOf(++n), Content.plain(v), true, null, null));
        }
        for (Map.Entry<String, BigDecimal> e : d.mapping().entrySet()) {
            if (!d.correct().contains(e.getKey()) && e.getValue().signum() > 0 && max.signum() > 0) {
                out.add(new Choice(String.valueOf(++n), Content.plain(e.getKey()), true,
                        e.getValue().divide(max, 6, RoundingMode.HALF_UP).stripTrailingZeros(), null));
            }
        }
        return out;
    }

    /** Images and objects of a package are stored as attachments and referenced as blob:SHA256. */
    private static void rewriteMedia(Element body, Map<String, byte[]> files, String base, Attachments attachments) {
        if (files.isEmpty()) {
            return;
        }
        for (String[] tagAttr : new String[][] {{"img", "src"}, {"object", "data"}, {"audio", "src"}, {"source", "src"}}) {
            for (Element e : SafeXml.descendants(body, tagAttr[0])) {
                String ref = e.getAttribute(tagAttr[1]);
                byte[] content = files.get(normalise(base + ref));
                if (content == null) {
                    content = files.get(ref);
                }
                if (content != null) {
                    e.setAttribute(tagAttr[1], attachments.attach(ref, content));
                }
            }
        }
    }

    private static String normalise(String path) {
        return java.nio.file.Path.of("/" + path).normalize().toString().substring(1).replace('\\', '/');
    }

    private static BigDecimal decimal(String s, BigDecimal fallback) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
