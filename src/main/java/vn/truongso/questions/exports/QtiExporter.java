package vn.truongso.questions.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import vn.truongso.questions.imports.Attachments;
import vn.truongso.questions.imports.SafeXml;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * IMS QTI 2.1: an IMS content package (.zip) with one assessmentItem per question, its images and audio, and the
 * manifest. The question's points travel in a {@code MAXSCORE} outcome and our type in the item's {@code label}
 * ({@code truongso:TRUE_FALSE_CLUSTER}) where QTI has no type of its own: the 2025 true/false cluster is written as
 * a matchInteraction of the statements against Đúng/Sai; numbers with a tolerance as response conditions.
 */
public final class QtiExporter implements QuestionExporter {

    public static final String NS = "http://www.imsglobal.org/xsd/imsqti_v2p1";
    public static final String LABEL_PREFIX = "truongso:";
    static final String TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/";
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-]*");
    private static final Pattern BLOB = Pattern.compile("blob:([0-9a-f]{64})");

    @Override
    public String format() {
        return "qti";
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public String extension() {
        return "zip";
    }

    @Override
    public byte[] export(String title, List<Question> questions, BlobReader blobs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> media = new LinkedHashMap<>();
        List<String> items = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            int n = 0;
            for (Question q : questions) {
                if (q.type().equals(QuestionTypes.DESCRIPTION)) {
                    continue;
                }
                n++;
                String href = "items/item-" + n + ".xml";
                String xml = item(q, "item-" + n, text -> {
                    Matcher m = BLOB.matcher(text);
                    StringBuilder sb = new StringBuilder();
                    while (m.find()) {
                        media.put(m.group(1), "media/" + m.group(1));
                        m.appendReplacement(sb, "../media/" + m.group(1));
                    }
                    m.appendTail(sb);
                    return sb.toString();
                });
                zip.putNextEntry(new ZipEntry(href));
                zip.write(xml.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                items.add(href);
            }
            List<String> mediaFiles = new ArrayList<>();
            for (String sha : media.keySet()) {
                byte[] content = blobs.read(sha);
                if (content != null) {
                    zip.putNextEntry(new ZipEntry("media/" + sha));
                    zip.write(content);
                    zip.closeEntry();
                    mediaFiles.add("media/" + sha);
                }
            }
            zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
            zip.write(manifest(title, items, mediaFiles).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String manifest(String title, List<String> items, List<String> media) {
        StringBuilder m = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="MANIFEST-truongso">
                  <metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>
                  <organizations/>
                  <resources>
                """);
        int n = 0;
        for (String href : items) {
            n++;
            m.append("    <resource identifier=\"res-").append(n).append("\" type=\"imsqti_item_xmlv2p1\" href=\"").append(href).append("\">\n")
                    .append("      <file href=\"").append(href).append("\"/>\n");
            for (String f : media) {
                m.append("      <file href=\"").append(f).append("\"/>\n");
            }
            m.append("    </resource>\n");
        }
        m.append("  </resources>\n</manifest>\n");
        m.insert(m.indexOf("<metadata>"), "<!-- " + SafeXml.escape(title).replace("--", "- -") + " -->\n  ");
        return m.toString();
    }

    /** One question as a QTI 2.1 assessmentItem. */
    public static String item(Question q, String identifier, UnaryOperator<String> media) {
        StringBuilder decl = new StringBuilder();
        StringBuilder body = new StringBuilder();
        String processing = "<responseProcessing template=\"" + TEMPLATES + "match_correct\"/>";
        String points = q.points().toPlainString();
        switch (q.type()) {
            case QuestionTypes.SINGLE_CHOICE, QuestionTypes.MULTIPLE_RESPONSE, QuestionTypes.TRUE_FALSE -> {
                boolean multiple = q.type().equals(QuestionTypes.MULTIPLE_RESPONSE);
                boolean weighted = multiple && q.choices().stream().anyMatch(c -> c.fraction() != null);
                decl.append(declaration("RESPONSE", multiple ? "multiple" : "single", "identifier",
                        q.choices().stream().filter(Choice::correct).map(c -> id(c.id())).toList()));
                if (weighted) {
                    insertMapping(decl, q.choices().stream().filter(c -> c.fraction() != null)
                            .map(c -> new String[] {id(c.id()), c.fraction().multiply(q.points()).stripTrailingZeros().toPlainString()}).toList(),
                            points, null);
                    processing = "<responseProcessing template=\"" + TEMPLATES + "map_response\"/>";
                }
                body.append(html(q.stem(), media));
                body.append("<choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"false\" maxChoices=\"").append(multiple ? 0 : 1).append("\">");
                for (Choice c : q.choices()) {
                    body.append("<simpleChoice identifier=\"").append(id(c.id())).append("\">").append(inline(c.text(), media)).append("</simpleChoice>");
                }
                body.append("</choiceInteraction>");
            }
            case QuestionTypes.TRUE_FALSE_CLUSTER -> {
                List<String> correct = new ArrayList<>();
                for (Choice c : q.choices()) {
                    correct.add(id(c.id()) + " " + (c.correct() ? "TRUE" : "FALSE"));
                }
                decl.append(declaration("RESPONSE", "multiple", "directedPair", correct));
                body.append(html(q.stem(), media));
                body.append("<matchInteraction responseIdentifier=\"RESPONSE\" shuffle=\"false\" maxAssociations=\"").append(q.choices().size())
                        .append("\"><simpleMatchSet>");
                for (Choice c : q.choices()) {
                    body.append("<simpleAssociableChoice identifier=\"").append(id(c.id())).append("\" matchMax=\"1\">").append(inline(c.text(), media))
                            .append("</simpleAssociableChoice>");
                }
                body.append("</simpleMatchSet><simpleMatchSet>")
                        .append("<simpleAssociableChoice identifier=\"TRUE\" matchMax=\"").append(q.choices().size()).append("\">Đúng</simpleAssociableChoice>")
                        .append("<simpleAssociableChoice identifier=\"FALSE\" matchMax=\"").append(q.choices().size()).append("\">Sai</simpleAssociableChoice>")
                        .append("</simpleMatchSet></matchInteraction>");
            }
            case QuestionTypes.SHORT_ANSWER -> {
                boolean numeric = !q.numbers().isEmpty();
                String interaction = "<textEntryInteraction responseIdentifier=\"RESPONSE\" expectedLength=\"20\"/>";
                if (numeric) {
                    decl.append(declaration("RESPONSE", "single", "float", List.of(q.numbers().stream().filter(n -> n.value() != null)
                            .findFirst().map(n -> n.value().toPlainString()).orElse("0"))));
                    processing = numericProcessing(q);
                } else {
                    List<Choice> full = q.choices().stream().filter(c -> c.fraction() == null).toList();
                    decl.append(declaration("RESPONSE", "single", "string", full.stream().map(c -> c.text().text()).toList()));
                    if (q.choices().size() > 1 || !q.caseSensitive()) {
                        insertMapping(decl, q.choices().stream().map(c -> new String[] {c.text().text(),
                                c.earned().multiply(q.points()).stripTrailingZeros().toPlainString()}).toList(), null, q.caseSensitive());
                        processing = "<responseProcessing template=\"" + TEMPLATES + "map_response\"/>";
                    }
                }
                String stem = html(q.stem(), media);
                body.append(stem.contains("_____") ? stem.replaceFirst("_____", interaction) : stem + "<p>" + interaction + "</p>");
            }
            case QuestionTypes.ESSAY -> {
                decl.append("<responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" baseType=\"string\"/>");
                body.append(html(q.stem(), media));
                if (q.rubric() != null && !q.rubric().isBlank()) {
                    body.append("<rubricBlock view=\"scorer\">").append(html(q.rubric(), media)).append("</rubricBlock>");
                }
                body.append("<extendedTextInteraction responseIdentifier=\"RESPONSE\" expectedLength=\"500\"/>");
                processing = "";
            }
            case QuestionTypes.MATCHING -> {
                Map<String, String> targets = new LinkedHashMap<>();
                for (MatchPair p : q.pairs()) {
                    targets.putIfAbsent(p.answer(), "T" + (targets.size() + 1));
                }
                List<MatchPair> sources = q.pairs().stream().filter(p -> !p.isDistractor()).toList();
                decl.append(declaration("RESPONSE", "multiple", "directedPair",
                        sources.stream().map(p -> id(p.id()) + " " + targets.get(p.answer())).toList()));
                body.append(html(q.stem(), media));
                body.append("<matchInteraction responseIdentifier=\"RESPONSE\" shuffle=\"true\" maxAssociations=\"").append(sources.size())
                        .append("\"><simpleMatchSet>");
                for (MatchPair p : sources) {
                    body.append("<simpleAssociableChoice identifier=\"").append(id(p.id())).append("\" matchMax=\"1\">")
                            .append(inline(p.prompt(), media)).append("</simpleAssociableChoice>");
                }
                body.append("</simpleMatchSet><simpleMatchSet>");
                targets.forEach((text, id) -> body.append("<simpleAssociableChoice identifier=\"").append(id).append("\" matchMax=\"")
                        .append(sources.size()).append("\">").append(SafeXml.escape(text)).append("</simpleAssociableChoice>"));
                body.append("</simpleMatchSet></matchInteraction>");
            }
            case QuestionTypes.ORDERING -> {
                decl.append(declaration("RESPONSE", "ordered", "identifier", q.choices().stream().map(c -> id(c.id())).toList()));
                body.append(html(q.stem(), media));
                body.append("<orderInteraction responseIdentifier=\"RESPONSE\" shuffle=\"true\">");
                for (Choice c : q.choices()) {
                    body.append("<simpleChoice identifier=\"").append(id(c.id())).append("\">").append(inline(c.text(), media)).append("</simpleChoice>");
                }
                body.append("</orderInteraction>");
            }
            case QuestionTypes.CLOZE -> {
                String stem = html(q.stem(), media);
                processing = "<responseProcessing template=\"" + TEMPLATES + "match_correct\"/>";
                for (Gap g : q.gaps()) {
                    String rid = id(g.id());
                    String interaction;
                    if (g.select()) {
                        decl.append(declaration(rid, "single", "identifier", g.options().stream().filter(Choice::correct).map(c -> id(c.id())).toList()));
                        StringBuilder i = new StringBuilder("<inlineChoiceInteraction responseIdentifier=\"" + rid + "\" shuffle=\"false\">");
                        for (Choice c : g.options()) {
                            i.append("<inlineChoice identifier=\"").append(id(c.id())).append("\">").append(SafeXml.escape(c.text().text()))
                                    .append("</inlineChoice>");
                        }
                        interaction = i.append("</inlineChoiceInteraction>").toString();
                    } else {
                        decl.append(declaration(rid, "single", "string", g.options().stream().filter(Choice::correct).map(c -> c.text().text()).toList()));
                        interaction = "<textEntryInteraction responseIdentifier=\"" + rid + "\" expectedLength=\"15\"/>";
                    }
                    stem = stem.replace(SafeXml.escape(Gap.marker(g.id())), interaction).replace(Gap.marker(g.id()), interaction);
                }
                body.append(stem);
            }
            default -> throw new IllegalArgumentException("cannot export type " + q.type());
        }
        String label = switch (q.type()) {
            case QuestionTypes.TRUE_FALSE, QuestionTypes.TRUE_FALSE_CLUSTER -> " label=\"" + LABEL_PREFIX + q.type() + "\"";
            default -> "";
        };
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<assessmentItem xmlns=\"" + NS + "\" identifier=\"" + id(identifier) + "\" title=\""
                + SafeXml.escape(q.title() == null ? identifier : q.title()) + "\"" + label + " adaptive=\"false\" timeDependent=\"false\">\n"
                + decl + "\n<outcomeDeclaration identifier=\"SCORE\" cardinality=\"single\" baseType=\"float\"/>\n"
                + "<outcomeDeclaration identifier=\"" + vn.truongso.questions.imports.QtiImporter.MAXSCORE
                + "\" cardinality=\"single\" baseType=\"float\"><defaultValue><value>" + points + "</value></defaultValue></outcomeDeclaration>\n"
                + "<itemBody>" + body + "</itemBody>\n" + processing + "\n</assessmentItem>\n";
    }

    private static String declaration(String id, String cardinality, String baseType, List<String> correct) {
        StringBuilder d = new StringBuilder("<responseDeclaration identifier=\"" + id + "\" cardinality=\"" + cardinality + "\" baseType=\"" + baseType
                + "\">");
        if (!correct.isEmpty()) {
            d.append("<correctResponse>");
            correct.forEach(v -> d.append("<value>").append(SafeXml.escape(v)).append("</value>"));
            d.append("</correctResponse>");
        }
        return d.append("</responseDeclaration>").toString();
    }

    private static void insertMapping(StringBuilder decl, List<String[]> entries, String upperBound, Boolean caseSensitive) {
        StringBuilder m = new StringBuilder("<mapping lowerBound=\"0\"" + (upperBound == null ? "" : " upperBound=\"" + upperBound + "\"")
                + " defaultValue=\"0\">");
        for (String[] e : entries) {
            m.append("<mapEntry mapKey=\"").append(SafeXml.escape(e[0])).append("\" mappedValue=\"").append(e[1]).append("\"");
            if (caseSensitive != null) {
                m.append(" caseSensitive=\"").append(caseSensitive).append("\"");
            }
            m.append("/>");
        }
        m.append("</mapping>");
        decl.insert(decl.lastIndexOf("</responseDeclaration>"), m);
    }

    /** Each accepted number as a condition: |RESPONSE − value| ≤ tolerance sets SCORE to its share of the points. */
    private static String numericProcessing(Question q) {
        StringBuilder rp = new StringBuilder("<responseProcessing><responseCondition>");
        boolean first = true;
        for (NumericAnswer n : q.numbers()) {
            if (n.value() == null) {
                continue;
            }
            String tag = first ? "responseIf" : "responseElseIf";
            first = false;
            rp.append("<").append(tag).append("><equal toleranceMode=\"absolute\" tolerance=\"").append(n.tolerance().toPlainString()).append(" ")
                    .append(n.tolerance().toPlainString()).append("\"><variable identifier=\"RESPONSE\"/><baseValue baseType=\"float\">")
                    .append(n.value().toPlainString()).append("</baseValue></equal><setOutcomeValue identifier=\"SCORE\"><baseValue baseType=\"float\">")
                    .append(n.earned().multiply(q.points()).stripTrailingZeros().toPlainString()).append("</baseValue></setOutcomeValue></")
                    .append(tag).append(">");
        }
        return rp.append("</responseCondition></responseProcessing>").toString();
    }

    static String id(String raw) {
        if (raw != null && IDENTIFIER.matcher(raw).matches()) {
            return raw;
        }
        String cleaned = raw == null ? "" : raw.replaceAll("[^\\p{L}\\p{N}_.\\-]", "_");
        return "_" + cleaned;
    }

    /** Content as XHTML for the item body: well-formed HTML as is, anything else escaped in a paragraph. */
    static String html(Content c, UnaryOperator<String> media) {
        if (c == null || c.isBlank()) {
            return "";
        }
        if (Content.HTML.equals(c.format()) && wellFormed(c.text())) {
            String t = media.apply(c.text());
            return t.strip().startsWith("<") ? t : "<p>" + t + "</p>";
        }
        return "<p>" + SafeXml.escape(c.text()).replace("\n", "<br/>") + "</p>";
    }

    /** Content inside a choice (inline): well-formed HTML as is, anything else escaped. */
    static String inline(Content c, UnaryOperator<String> media) {
        if (c == null) {
            return "";
        }
        if (Content.HTML.equals(c.format()) && wellFormed(c.text())) {
            return media.apply(c.text());
        }
        return SafeXml.escape(c.text());
    }

    static boolean wellFormed(String html) {
        try {
            SafeXml.parse(("<div>" + html + "</div>").getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (SafeXml.XmlError e) {
            return false;
        }
    }

    /** The attachment reference prefix, for callers that rewrite media. */
    static final String BLOB_PREFIX = Attachments.PREFIX;
}
