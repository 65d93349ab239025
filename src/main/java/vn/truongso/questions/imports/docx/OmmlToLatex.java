package vn.truongso.questions.imports.docx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Converts a Word equation (Office Math Markup, {@code m:oMath}) to LaTeX for the common elements: fractions,
 * super/subscripts, radicals, delimiters, n-ary operators (∑ ∫ ∏), functions, accents, bars, limits, matrices and
 * equation arrays (hệ phương trình), and text with a symbol mapping. An unknown element falls back to its text.
 */
public final class OmmlToLatex {

    static final String M = "http://schemas.openxmlformats.org/officeDocument/2006/math";

    private static final Map<Integer, String> SYMBOLS = Map.ofEntries(Map.entry((int) 'α', "\\alpha"), Map.entry((int) 'β', "\\beta"),
            Map.entry((int) 'γ', "\\gamma"), Map.entry((int) 'δ', "\\delta"), Map.entry((int) 'ε', "\\varepsilon"),
            Map.entry((int) 'θ', "\\theta"), Map.entry((int) 'λ', "\\lambda"), Map.entry((int) 'μ', "\\mu"), Map.entry((int) 'π', "\\pi"),
            Map.entry((int) 'ρ', "\\rho"), Map.entry((int) 'σ', "\\sigma"), Map.entry((int) 'φ', "\\varphi"), Map.entry((int) 'ω', "\\omega"),
            Map.entry((int) 'Δ', "\\Delta"), Map.entry((int) 'Ω', "\\Omega"), Map.entry((int) 'Σ', "\\Sigma"), Map.entry((int) 'Π', "\\Pi"),
            Map.entry((int) '≤', "\\le"), Map.entry((int) '≥', "\\ge"), Map.entry((int) '≠', "\\ne"), Map.entry((int) '±', "\\pm"),
            Map.entry((int) '∓', "\\mp"), Map.entry((int) '×', "\\times"), Map.entry((int) '÷', "\\div"), Map.entry((int) '·', "\\cdot"),
            Map.entry((int) '⋅', "\\cdot"), Map.entry((int) '∞', "\\infty"), Map.entry((int) '→', "\\to"), Map.entry((int) '⇒', "\\Rightarrow"),
            Map.entry((int) '⇔', "\\Leftrightarrow"), Map.entry((int) '∈', "\\in"), Map.entry((int) '∉', "\\notin"),
            Map.entry((int) '⊂', "\\subset"), Map.entry((int) '⊆', "\\subseteq"), Map.entry((int) '∪', "\\cup"), Map.entry((int) '∩', "\\cap"),
            Map.entry((int) '∅', "\\varnothing"), Map.entry((int) '°', "^\\circ"), Map.entry((int) '∠', "\\angle"), Map.entry((int) '⊥', "\\perp"),
            Map.entry((int) '∥', "\\parallel"), Map.entry((int) '≈', "\\approx"), Map.entry((int) '∀', "\\forall"), Map.entry((int) '∃', "\\exists"),
            Map.entry((int) 'ℝ', "\\mathbb{R}"), Map.entry((int) 'ℕ', "\\mathbb{N}"), Map.entry((int) 'ℤ', "\\mathbb{Z}"),
            Map.entry((int) 'ℚ', "\\mathbb{Q}"), Map.entry((int) '−', "-"), Map.entry((int) '′', "'"), Map.entry((int) '∆', "\\Delta"),
            Map.entry((int) '{', "\\{"), Map.entry((int) '}', "\\}"), Map.entry((int) '%', "\\%"), Map.entry((int) '#', "\\#"),
            Map.entry((int) '&', "\\&"), Map.entry((int) '_', "\\_"), Map.entry((int) '\\', "\\backslash"));

    private static final Map<String, String> NARY = Map.of("∑", "\\sum", "∏", "\\prod", "∫", "\\int", "∬", "\\iint", "∭", "\\iiint",
            "∮", "\\oint", "⋃", "\\bigcup", "⋂", "\\bigcap");

    private static final List<String> FUNCTIONS = List.of("sin", "cos", "tan", "cot", "log", "ln", "lim", "max", "min", "exp", "arcsin",
            "arccos", "arctan", "sinh", "cosh", "tanh");

    private OmmlToLatex() {
    }

    /** The LaTeX of an {@code m:oMath} or {@code m:oMathPara} element, without delimiters. */
    public static String convert(Element math) {
        if ("oMathPara".equals(math.getLocalName())) {
            List<String> parts = new ArrayList<>();
            for (Element e : children(math, "oMath")) {
                parts.add(convert(e));
            }
            return String.join(" \\\\ ", parts).strip();
        }
        return node(math).strip();
    }

    private static String node(Element e) {
        if (!M.equals(e.getNamespaceURI())) {
            // w:r inside math or other wrappers: their math children count, w:t text too.
            return "t".equals(e.getLocalName()) ? text(WordBody.textOf(e)) : all(e);
        }
        return switch (e.getLocalName()) {
            case "r" -> run(e);
            case "f" -> "\\frac{" + part(e, "num") + "}{" + part(e, "den") + "}";
            case "sSup" -> group(part(e, "e")) + "^{" + part(e, "sup") + "}";
            case "sSub" -> group(part(e, "e")) + "_{" + part(e, "sub") + "}";
            case "sSubSup" -> group(part(e, "e")) + "_{" + part(e, "sub") + "}^{" + part(e, "sup") + "}";
            case "sPre" -> "{}_{" + part(e, "sub") + "}^{" + part(e, "sup") + "}" + group(part(e, "e"));
            case "rad" -> radical(e);
            case "d" -> delimiter(e);
            case "nary" -> nary(e);
            case "func" -> function(part(e, "fName")) + group(part(e, "e"));
            case "acc" -> accent(e);
            case "bar" -> ("bot".equals(prop(e, "barPr", "pos")) ? "\\underline{" : "\\overline{") + part(e, "e") + "}";
            case "limLow" -> group(function(part(e, "e"))) + "_{" + part(e, "lim") + "}";
            case "limUpp" -> group(part(e, "e")) + "^{" + part(e, "lim") + "}";
            case "m" -> matrix(e);
            case "eqArr" -> "\\begin{array}{l}" + String.join(" \\\\ ", parts(e, "e")) + "\\end{array}";
            case "groupChr" -> ("bot".equals(prop(e, "groupChrPr", "pos")) || prop(e, "groupChrPr", "pos") == null ? "\\underbrace{" : "\\overbrace{")
                    + part(e, "e") + "}";
            case "box", "borderBox", "phant", "e", "num", "den", "sub", "sup", "deg", "lim", "fName", "oMath" -> all(e);
            default -> e.getLocalName().endsWith("Pr") ? "" : all(e);
        };
    }

    private static String all(Element e) {
        StringBuilder out = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && !c.getLocalName().endsWith("Pr")) {
                out.append(node(c));
            }
        }
        return out.toString();
    }

    private static String run(Element r) {
        StringBuilder t = new StringBuilder();
        for (Node n = r.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && "t".equals(c.getLocalName())) {
                t.append(WordBody.textOf(c));
            }
        }
        String s = t.toString();
        if (FUNCTIONS.contains(s.strip())) {
            return "\\" + s.strip() + " ";
        }
        return text(s);
    }

    static String text(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String sym = SYMBOLS.get(cp);
            if (sym == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(sym);
                if (Character.isLetter(sym.charAt(sym.length() - 1))) {
                    out.append(' ');
                }
            }
        });
        return out.toString();
    }

    private static String radical(Element e) {
        String deg = part(e, "deg").strip();
        boolean hide = "1".equals(prop(e, "radPr", "degHide")) || "on".equals(prop(e, "radPr", "degHide"))
                || "true".equals(prop(e, "radPr", "degHide"));
        return hide || deg.isEmpty() ? "\\sqrt{" + part(e, "e") + "}" : "\\sqrt[" + deg + "]{" + part(e, "e") + "}";
    }

    private static String delimiter(Element e) {
        String beg = prop(e, "dPr", "begChr");
        String end = prop(e, "dPr", "endChr");
        String sep = prop(e, "dPr", "sepChr");
        beg = beg == null ? "(" : beg;
        end = end == null ? ")" : end;
        sep = sep == null ? "|" : sep;
        return "\\left" + fence(beg) + String.join(fence(sep).equals("|") ? "|" : text(sep), parts(e, "e")) + "\\right" + fence(end);
    }

    private static String fence(String c) {
        return switch (c) {
            case "" -> ".";
            case "{" -> "\\{";
            case "}" -> "\\}";
            case "⟨", "〈" -> "\\langle ";
            case "⟩", "〉" -> "\\rangle ";
            case "‖" -> "\\|";
            case "⌊" -> "\\lfloor ";
            case "⌋" -> "\\rfloor ";
            default -> c;
        };
    }

    private static String nary(Element e) {
        String chr = prop(e, "naryPr", "chr");
        String op = NARY.getOrDefault(chr == null ? "∫" : chr, chr == null ? "\\int" : text(chr));
        StringBuilder out = new StringBuilder(op);
        String sub = part(e, "sub");
        String sup = part(e, "sup");
        if (!sub.isBlank() && !"1".equals(prop(e, "naryPr", "subHide"))) {
            out.append("_{").append(sub).append('}');
        }
        if (!sup.isBlank() && !"1".equals(prop(e, "naryPr", "supHide"))) {
            out.append("^{").append(sup).append('}');
        }
        return out.append(group(part(e, "e"))).toString();
    }

    private static String function(String name) {
        String n = name.strip();
        return FUNCTIONS.contains(n) ? "\\" + n + " " : name;
    }

    private static String accent(Element e) {
        String chr = prop(e, "accPr", "chr");
        String cmd = switch (chr == null ? "\u0302" : chr) {
            case "\u0304", "\u00AF", "\u0305" -> "\\bar";
            case "\u20D7", "\u2192" -> "\\vec";
            case "\u0303", "~" -> "\\tilde";
            case "\u0307" -> "\\dot";
            default -> "\\hat";
        };
        return cmd + "{" + part(e, "e") + "}";
    }

    private static String matrix(Element e) {
        List<String> rows = new ArrayList<>();
        for (Element mr : children(e, "mr")) {
            rows.add(String.join(" & ", parts(mr, "e")));
        }
        return "\\begin{matrix}" + String.join(" \\\\ ", rows) + "\\end{matrix}";
    }

    private static String group(String s) {
        String t = s.strip();
        return t.length() <= 1 ? t : "{" + t + "}";
    }

    private static String part(Element e, String name) {
        Element c = child(e, name);
        return c == null ? "" : all(c);
    }

    private static List<String> parts(Element e, String name) {
        List<String> out = new ArrayList<>();
        for (Element c : children(e, name)) {
            out.add(all(c));
        }
        return out;
    }

    /** The m:val of a property: e.g. prop(d, "dPr", "begChr"); null when absent. */
    private static String prop(Element e, String pr, String name) {
        Element p = child(e, pr);
        Element v = p == null ? null : child(p, name);
        if (v == null) {
            return null;
        }
        String val = v.getAttributeNS(M, "val");
        return v.hasAttributeNS(M, "val") ? val : "1";
    }

    static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && M.equals(c.getNamespaceURI()) && name.equals(c.getLocalName())) {
                return c;
            }
        }
        return null;
    }

    static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && M.equals(c.getNamespaceURI()) && name.equals(c.getLocalName())) {
                out.add(c);
            }
        }
        return out;
    }
}
