package vn.truongso.questions.imports.docx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import vn.truongso.questions.imports.Attachments;

/**
 * A .docx body flattened into paragraphs ({@link Line}s numbered 1, 2, … in reading order, table cells included) and
 * tables (kept as rows of cell texts for answer grids). Each line is a list of {@link Seg}ments with their effective
 * formatting — direct run properties over the character style over the paragraph style over the document defaults —
 * so a mark that comes from a style counts. Text is NFC; a word split across runs is joined; equations become
 * {@code \( LaTeX \)}; images are attached and kept as {@code <img>} segments.
 */
public final class WordBody {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** Formatting flags; null = not said at this level. */
    public record Fmt(Boolean bold, Boolean underline, Boolean red, Boolean highlight) {
        static final Fmt NONE = new Fmt(null, null, null, null);
        /** No formatting (for text an importer adds). */
        public static final Fmt NONE_SET = NONE;

        Fmt over(Fmt base) {
            return new Fmt(bold != null ? bold : base.bold, underline != null ? underline : base.underline, red != null ? red : base.red,
                    highlight != null ? highlight : base.highlight);
        }

        boolean isBold() { return Boolean.TRUE.equals(bold); }
        boolean isUnderline() { return Boolean.TRUE.equals(underline); }
        boolean isRed() { return Boolean.TRUE.equals(red); }
        boolean isHighlight() { return Boolean.TRUE.equals(highlight); }
    }

    /** A piece of a line: text with its formatting, an equation ({@code math}) or an image ({@code imageRef} set). */
    public record Seg(String text, Fmt fmt, boolean math, String imageRef) {
    }

    /** A paragraph: its number in the body and its segments. */
    public record Line(int number, List<Seg> segs, String text) {
        /** The segments covering characters [from, to) of {@link #text()}, cut at the edges. */
        public List<Seg> slice(int from, int to) {
            List<Seg> out = new ArrayList<>();
            int pos = 0;
            for (Seg s : segs) {
                int end = pos + s.text().length();
                int a = Math.max(from, pos);
                int b = Math.min(to, end);
                if (a < b) {
                    out.add(a == pos && b == end ? s : new Seg(s.text().substring(a - pos, b - pos), s.fmt(), s.math(), s.imageRef()));
                }
                pos = end;
            }
            return out;
        }
    }

    /** A table: its first line number, its rows of cell texts, and its paragraphs (and nested tables) in order. */
    public record Table(int line, List<List<String>> rows, List<Object> blocks) {
    }

    /** The image placeholder character in {@link Line#text()}. */
    public static final char IMAGE = '\uFFFC';

    private final XWPFDocument doc;
    private final Attachments attachments;
    private final Map<String, Element> styleRPr = new HashMap<>();
    private final Map<String, String> basedOn = new HashMap<>();
    private Fmt defaults = Fmt.NONE;
    private String defaultParagraphStyle;
    private final Map<String, Fmt> resolved = new HashMap<>();
    private final Map<String, String> imageRefs = new HashMap<>();
    private int lineNumber;
    private List<Object> blocks = new ArrayList<>();

    private WordBody(XWPFDocument doc, Attachments attachments) {
        this.doc = doc;
        this.attachments = attachments;
    }

    /** Reads the body; throws IOException (or a POI runtime exception) when the file is not a readable .docx. */
    public static List<Object> read(byte[] bytes, Attachments attachments) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            WordBody body = new WordBody(doc, attachments);
            body.styles();
            for (IBodyElement e : doc.getBodyElements()) {
                body.element(e);
            }
            return body.blocks;
        }
    }

    private void styles() {
        CTStyles styles;
        try {
            styles = doc.getStyle();
        } catch (Exception | LinkageError e) {
            return;
        }
        if (styles == null) {
            return;
        }
        if (styles.getDocDefaults() != null && styles.getDocDefaults().getRPrDefault() != null
                && styles.getDocDefaults().getRPrDefault().getRPr() != null) {
            defaults = fmt((Element) styles.getDocDefaults().getRPrDefault().getRPr().getDomNode());
        }
        for (CTStyle s : styles.getStyleList()) {
            String id = s.getStyleId();
            if (id == null) {
                continue;
            }
            if (s.getRPr() != null) {
                styleRPr.put(id, (Element) s.getRPr().getDomNode());
            }
            if (s.getBasedOn() != null) {
                basedOn.put(id, s.getBasedOn().getVal());
            }
            if (s.getType() != null && "paragraph".equals(s.getType().toString()) && s.isSetDefault()
                    && ("1".equals(String.valueOf(s.getDefault())) || "true".equals(String.valueOf(s.getDefault()))
                            || "on".equals(String.valueOf(s.getDefault())))) {
                defaultParagraphStyle = id;
            }
        }
    }

    /** The formatting a style gives, following basedOn (at most 20 levels). */
    private Fmt style(String id) {
        if (id == null) {
            return Fmt.NONE;
        }
        Fmt cached = resolved.get(id);
        if (cached != null) {
            return cached;
        }
        Fmt f = Fmt.NONE;
        String cur = id;
        for (int depth = 0; cur != null && depth < 20; depth++) {
            Element rpr = styleRPr.get(cur);
            if (rpr != null) {
                f = f.over(fmt(rpr));
            }
            cur = basedOn.get(cur);
        }
        resolved.put(id, f);
        return f;
    }

    private void element(IBodyElement e) {
        if (e instanceof XWPFParagraph p) {
            paragraph(p);
        } else if (e instanceof XWPFTable t) {
            table(t);
        }
    }

    private void table(XWPFTable t) {
        List<List<String>> rows = new ArrayList<>();
        int first = lineNumber + 1;
        List<Object> outer = blocks;
        blocks = new ArrayList<>();
        for (XWPFTableRow row : t.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                int before = blocks.size();
                for (IBodyElement e : cell.getBodyElements()) {
                    element(e);
                }
                StringBuilder text = new StringBuilder();
                for (Object b : blocks.subList(before, blocks.size())) {
                    if (b instanceof Line l) {
                        text.append(text.isEmpty() ? "" : " ").append(l.text());
                    }
                }
                cells.add(text.toString().strip());
            }
            rows.add(cells);
        }
        Table table = new Table(first, rows, blocks);
        blocks = outer;
        blocks.add(table);
    }

    private void paragraph(XWPFParagraph p) {
        lineNumber++;
        Element ctp = (Element) p.getCTP().getDomNode();
        String pStyle = p.getStyleID() != null ? p.getStyleID() : defaultParagraphStyle;
        Fmt paragraphFmt = style(pStyle).over(defaults);
        List<Seg> segs = new ArrayList<>();
        walk(ctp, paragraphFmt, segs);
        segs = normalise(segs);
        StringBuilder text = new StringBuilder();
        for (Seg s : segs) {
            text.append(s.text());
        }
        blocks.add(new Line(lineNumber, List.copyOf(segs), text.toString()));
    }

    private void walk(Element parent, Fmt paragraphFmt, List<Seg> segs) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String ns = e.getNamespaceURI();
            String name = e.getLocalName();
            if (OmmlToLatex.M.equals(ns) && ("oMath".equals(name) || "oMathPara".equals(name))) {
                segs.add(new Seg("\\(" + OmmlToLatex.convert(e) + "\\)", Fmt.NONE, true, null));
            } else if (W.equals(ns) && "r".equals(name)) {
                run(e, paragraphFmt, segs);
            } else if (W.equals(ns) && ("pPr".equals(name) || "del".equals(name) || "moveFrom".equals(name) || "rPr".equals(name))) {
                continue;
            } else if (W.equals(ns) && "hyperlink".equals(name)) {
                // A link's underline is the link style, not an answer mark.
                int before = segs.size();
                walk(e, paragraphFmt, segs);
                for (int i = before; i < segs.size(); i++) {
                    Seg s = segs.get(i);
                    segs.set(i, new Seg(s.text(), new Fmt(s.fmt().bold(), false, s.fmt().red(), s.fmt().highlight()), s.math(), s.imageRef()));
                }
            } else {
                // w:ins, w:smartTag, w:sdt/w:sdtContent, w:fldSimple, w:customXml: their runs count.
                walk(e, paragraphFmt, segs);
            }
        }
    }

    private void run(Element r, Fmt paragraphFmt, List<Seg> segs) {
        Element rpr = wChild(r, "rPr");
        Fmt f = paragraphFmt;
        if (rpr != null) {
            Element rStyle = wChild(rpr, "rStyle");
            if (rStyle != null) {
                f = style(rStyle.getAttributeNS(W, "val")).over(f);
            }
            f = fmt(rpr).over(f);
        }
        StringBuilder text = new StringBuilder();
        for (Node n = r.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            switch (e.getLocalName()) {
                case "t" -> text.append(WordBody.textOf(e));
                case "tab", "ptab" -> text.append('\t');
                case "br", "cr" -> text.append(' ');
                case "noBreakHyphen" -> text.append('-');
                case "sym" -> text.append(symbol(e));
                case "drawing", "pict", "object" -> {
                    if (!text.isEmpty()) {
                        segs.add(new Seg(text.toString(), f, false, null));
                        text.setLength(0);
                    }
                    image(e, segs);
                }
                default -> {
                    if (OmmlToLatex.M.equals(e.getNamespaceURI()) && "oMath".equals(e.getLocalName())) {
                        segs.add(new Seg("\\(" + OmmlToLatex.convert(e) + "\\)", Fmt.NONE, true, null));
                    }
                }
            }
        }
        if (!text.isEmpty()) {
            segs.add(new Seg(text.toString(), f, false, null));
        }
    }

    private static String symbol(Element sym) {
        String c = sym.getAttributeNS(W, "char");
        try {
            int cp = Integer.parseInt(c, 16);
            return cp >= 0xF000 ? "" : new String(Character.toChars(cp));
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** Every a:blip r:embed or v:imagedata r:id under the element becomes an image segment. */
    private void image(Element e, List<Seg> segs) {
        List<String> ids = new ArrayList<>();
        collectImageIds(e, ids);
        for (String id : ids) {
            String ref = imageRefs.get(id);
            if (ref == null) {
                XWPFPictureData pic = doc.getPictureDataByID(id);
                if (pic == null) {
                    continue;
                }
                ref = attachments.attach(pic.getFileName(), pic.getData());
                imageRefs.put(id, ref);
            }
            segs.add(new Seg(String.valueOf(IMAGE), Fmt.NONE, false, ref));
        }
    }

    private static void collectImageIds(Element e, List<String> ids) {
        if ("blip".equals(e.getLocalName()) && e.hasAttributeNS(R, "embed")) {
            ids.add(e.getAttributeNS(R, "embed"));
        } else if ("imagedata".equals(e.getLocalName()) && e.hasAttributeNS(R, "id")) {
            ids.add(e.getAttributeNS(R, "id"));
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                collectImageIds(c, ids);
            }
        }
    }

    /** Reads b, u, color, highlight and shd of a w:rPr. */
    static Fmt fmt(Element rpr) {
        Boolean bold = null;
        Boolean underline = null;
        Boolean red = null;
        Boolean highlight = null;
        for (Node n = rpr.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !W.equals(e.getNamespaceURI())) {
                continue;
            }
            String val = e.hasAttributeNS(W, "val") ? e.getAttributeNS(W, "val") : null;
            switch (e.getLocalName()) {
                case "b" -> bold = on(val);
                case "u" -> underline = val != null && !"none".equals(val);
                case "color" -> red = isRed(val);
                case "highlight" -> highlight = val != null && !"none".equals(val);
                case "shd" -> {
                    String fill = e.getAttributeNS(W, "fill");
                    if (!fill.isEmpty() && !"auto".equalsIgnoreCase(fill) && !"FFFFFF".equalsIgnoreCase(fill)) {
                        highlight = true;
                    }
                }
                default -> {
                }
            }
        }
        return new Fmt(bold, underline, red, highlight);
    }

    private static Boolean on(String val) {
        return val == null || !("0".equals(val) || "false".equals(val) || "off".equals(val));
    }

    /** A strong red: FF0000, C00000, E00000 … (red high, green and blue low). */
    static boolean isRed(String hex) {
        if (hex == null || hex.length() != 6) {
            return false;
        }
        try {
            int v = Integer.parseInt(hex, 16);
            int r = v >> 16 & 0xFF;
            int g = v >> 8 & 0xFF;
            int b = v & 0xFF;
            return r >= 0xB0 && g <= 0x60 && b <= 0x60;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * NFC per segment, after moving combining marks that start a segment onto the previous one (a vowel and its tone
     * mark typed into two runs), and merging neighbouring segments of the same formatting.
     */
    static List<Seg> normalise(List<Seg> in) {
        List<Seg> out = new ArrayList<>();
        for (Seg s : in) {
            String t = s.text();
            if (!out.isEmpty() && !s.math() && s.imageRef() == null) {
                int k = 0;
                while (k < t.length() && Character.getType(t.charAt(k)) == Character.NON_SPACING_MARK) {
                    k++;
                }
                Seg prev = out.getLast();
                if (k > 0 && !prev.math() && prev.imageRef() == null) {
                    out.set(out.size() - 1, new Seg(prev.text() + t.substring(0, k), prev.fmt(), false, null));
                    t = t.substring(k);
                }
                if (!prev.math() && prev.imageRef() == null && prev.fmt().equals(s.fmt())) {
                    Seg last = out.getLast();
                    out.set(out.size() - 1, new Seg(last.text() + t, last.fmt(), false, null));
                    continue;
                }
            }
            if (!t.isEmpty()) {
                out.add(new Seg(t, s.fmt(), s.math(), s.imageRef()));
            }
        }
        out.replaceAll(s -> s.math() || s.imageRef() != null ? s
                : new Seg(Normalizer.normalize(s.text(), Normalizer.Form.NFC).replace('\u00A0', ' '), s.fmt(), false, null));
        return out;
    }

    /** The text of a node (XmlBeans' DOM has no getTextContent). */
    static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.append(n.getNodeValue());
            } else if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.append(textOf(n));
            }
        }
        return out.toString();
    }

    private static Element wChild(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && W.equals(c.getNamespaceURI()) && name.equals(c.getLocalName())) {
                return c;
            }
        }
        return null;
    }
}
