package vn.truongso.questions.papers;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import vn.truongso.questions.model.Content;

/**
 * The few Word building blocks the printed documents share: an A4 page with 2 cm margins, Times New Roman runs,
 * tables, and question content (plain text or the allowlisted HTML of {@code QuestionHtml}: paragraphs, line
 * breaks, bold/italic/underline, sub/superscript, tables as rows of cells, and {@code blob:} images embedded from the
 * BlobStore). Formulas stay as their LaTeX text.
 */
final class DocxWriter {

    static final String FONT = "Times New Roman";
    static final int SIZE = 12;
    /** The widest an image may be: the text width of an A4 page with 2 cm margins, less an indent. */
    private static final double MAX_IMAGE_WIDTH_PT = 430;

    final XWPFDocument doc = new XWPFDocument();
    private final Function<String, byte[]> blobs;

    DocxWriter(Function<String, byte[]> blobs) {
        this.blobs = blobs;
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        BigInteger twoCm = BigInteger.valueOf(1134);
        mar.setTop(twoCm);
        mar.setBottom(twoCm);
        mar.setLeft(BigInteger.valueOf(1247));
        mar.setRight(twoCm);
    }

    XWPFParagraph paragraph() {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingAfter(60);
        return p;
    }

    XWPFParagraph paragraph(ParagraphAlignment align, String text, boolean bold) {
        XWPFParagraph p = paragraph();
        p.setAlignment(align);
        run(p, text, bold, false);
        return p;
    }

    static XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(SIZE);
        r.setBold(bold);
        r.setItalic(italic);
        setText(r, text);
        return r;
    }

    /** Text with line breaks and tabs as Word breaks and tabs. */
    static void setText(XWPFRun r, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addBreak();
            }
            String[] cells = lines[i].split("\t", -1);
            for (int j = 0; j < cells.length; j++) {
                if (j > 0) {
                    r.addTab();
                }
                if (!cells[j].isEmpty()) {
                    r.setText(cells[j], r.getCTR().sizeOfTArray());
                }
            }
        }
    }

    XWPFTable table(int rows, int cols) {
        XWPFTable t = doc.createTable(rows, cols);
        t.setTableAlignment(TableRowAlign.CENTER);
        return t;
    }

    static void cell(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().getFirst();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        run(p, text, bold, false);
    }

    /**
     * Writes content starting in paragraph {@code first} (after whatever runs it already has, e.g. "Câu 1."); further
     * blocks of the content become paragraphs of their own, indented like the first.
     */
    void content(XWPFParagraph first, Content content) {
        if (content == null || content.isBlank()) {
            return;
        }
        if (!Content.HTML.equals(content.format()) && !(Content.MOODLE.equals(content.format()) && content.text().contains("<"))) {
            run(first, content.text(), false, false);
            return;
        }
        Element body = Jsoup.parseBodyFragment(content.text()).body();
        Cursor cursor = new Cursor(first);
        walk(body, cursor, new Style(false, false, false, false, false));
    }

    private final class Cursor {
        XWPFParagraph paragraph;
        boolean fresh;

        Cursor(XWPFParagraph paragraph) {
            this.paragraph = paragraph;
        }

        void block() {
            if (!fresh && !paragraph.getRuns().isEmpty()) {
                XWPFParagraph next = paragraph();
                next.setIndentationLeft(paragraph.getIndentationLeft());
                paragraph = next;
            }
            fresh = true;
        }
    }

    private record Style(boolean bold, boolean italic, boolean underline, boolean sup, boolean sub) {
        Style with(String tag) {
            return switch (tag) {
                case "b", "strong" -> new Style(true, italic, underline, sup, sub);
                case "i", "em" -> new Style(bold, true, underline, sup, sub);
                case "u" -> new Style(bold, italic, true, sup, sub);
                case "sup" -> new Style(bold, italic, underline, true, sub);
                case "sub" -> new Style(bold, italic, underline, sup, true);
                default -> this;
            };
        }
    }

    private void walk(Node node, Cursor cursor, Style style) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                String text = t.text();
                if (!text.isBlank() || !cursor.paragraph.getRuns().isEmpty()) {
                    XWPFRun r = run(cursor.paragraph, text, style.bold(), style.italic());
                    if (style.underline()) {
                        r.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
                    }
                    if (style.sup()) {
                        r.setSubscript(org.apache.poi.xwpf.usermodel.VerticalAlign.SUPERSCRIPT);
                    } else if (style.sub()) {
                        r.setSubscript(org.apache.poi.xwpf.usermodel.VerticalAlign.SUBSCRIPT);
                    }
                    cursor.fresh = false;
                }
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                switch (tag) {
                    case "br" -> cursor.paragraph.createRun().addBreak();
                    case "img" -> {
                        image(cursor.paragraph, e.attr("src"));
                        cursor.fresh = false;
                    }
                    case "p", "div", "li", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre" -> {
                        cursor.block();
                        walk(e, cursor, style);
                        cursor.block();
                    }
                    case "tr" -> {
                        cursor.block();
                        boolean firstCell = true;
                        for (Element cell : e.select("> td, > th")) {
                            if (!firstCell) {
                                run(cursor.paragraph, " | ", false, false);
                            }
                            walk(cell, cursor, style.with(cell.normalName().equals("th") ? "b" : ""));
                            firstCell = false;
                        }
                        cursor.block();
                    }
                    case "audio", "source", "script", "style" -> {
                        // nothing printable
                    }
                    default -> walk(e, cursor, style.with(tag));
                }
            }
        }
    }

    /** Embeds a {@code blob:SHA256} image, scaled to the text width; an image that cannot be read is left out. */
    void image(XWPFParagraph p, String src) {
        if (src == null || !src.startsWith("blob:")) {
            return;
        }
        byte[] bytes = blobs.apply(src.substring("blob:".length()));
        if (bytes == null || bytes.length < 8) {
            return;
        }
        int type = pictureType(bytes);
        if (type < 0) {
            return;
        }
        double w = 200;
        double h = 150;
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img != null) {
                w = img.getWidth() * 0.75;
                h = img.getHeight() * 0.75;
            }
        } catch (IOException e) {
            // keep the default size
        }
        if (w > MAX_IMAGE_WIDTH_PT) {
            h = h * MAX_IMAGE_WIDTH_PT / w;
            w = MAX_IMAGE_WIDTH_PT;
        }
        try {
            p.createRun().addPicture(new ByteArrayInputStream(bytes), type, "image", Units.toEMU(w), Units.toEMU(h));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static int pictureType(byte[] b) {
        if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Document.PICTURE_TYPE_PNG;
        }
        if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            return Document.PICTURE_TYPE_JPEG;
        }
        if (b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return Document.PICTURE_TYPE_GIF;
        }
        if (b[0] == 'B' && b[1] == 'M') {
            return Document.PICTURE_TYPE_BMP;
        }
        return -1;
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
