package vn.truongso.questions.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.awt.image.BufferedImage;

import javax.imageio.ImageIO;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STUnderline;

/** Builds Word .docx question banks with Apache POI for the importer's tests and the benchmark. */
public final class DocxBank {

    public static final String M = "http://schemas.openxmlformats.org/officeDocument/2006/math";

    /** A run of text and its direct formatting. */
    public record R(String text, boolean bold, boolean underline, String color, String highlight, String style) {
    }

    public static R t(String text) { return new R(text, false, false, null, null, null); }
    public static R b(String text) { return new R(text, true, false, null, null, null); }
    public static R u(String text) { return new R(text, false, true, null, null, null); }
    public static R red(String text) { return color(text, "FF0000"); }
    public static R color(String text, String hex) { return new R(text, false, false, hex, null, null); }
    public static R hl(String text) { return new R(text, false, false, null, "yellow", null); }
    public static R styled(String text, String styleId) { return new R(text, false, false, null, null, styleId); }

    private final XWPFDocument doc = new XWPFDocument();

    /** A paragraph of runs; a String is a plain run. */
    public DocxBank p(Object... runs) {
        fill(doc.createParagraph(), runs);
        return this;
    }

    /** A paragraph with a paragraph style. */
    public DocxBank ps(String styleId, Object... runs) {
        XWPFParagraph para = doc.createParagraph();
        para.setStyle(styleId);
        fill(para, runs);
        return this;
    }

    static void fill(XWPFParagraph para, Object... runs) {
        for (Object o : runs) {
            R r = o instanceof R x ? x : t(String.valueOf(o));
            String[] tabs = r.text().split("\t", -1);
            for (int i = 0; i < tabs.length; i++) {
                if (i > 0) {
                    format(para.createRun(), r).addTab();
                }
                if (!tabs[i].isEmpty()) {
                    format(para.createRun(), r).setText(tabs[i]);
                }
            }
        }
    }

    private static XWPFRun format(XWPFRun run, R r) {
        if (r.bold()) run.setBold(true);
        if (r.underline()) run.setUnderline(UnderlinePatterns.SINGLE);
        if (r.color() != null) run.setColor(r.color());
        if (r.highlight() != null) run.setTextHighlightColor(r.highlight());
        if (r.style() != null) run.setStyle(r.style());
        return run;
    }

    /** A paragraph: text, then a hyperlink (underlined and blue as Word draws links). */
    public DocxBank link(String before, String url) {
        XWPFParagraph para = doc.createParagraph();
        fill(para, before);
        XWPFRun run = para.createHyperlinkRun(url);
        run.setText(url);
        run.setUnderline(UnderlinePatterns.SINGLE);
        run.setColor("0563C1");
        return this;
    }

    /** A table whose cells each hold one paragraph of runs (String or R). */
    public DocxBank table(Object[][] cells) {
        XWPFTable table = doc.createTable(cells.length, cells[0].length);
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < cells[i].length; j++) {
                XWPFParagraph para = table.getRow(i).getCell(j).getParagraphs().getFirst();
                Object c = cells[i][j];
                fill(para, c instanceof Object[] arr ? arr : new Object[] {c});
            }
        }
        return this;
    }

    /** A paragraph: runs, then an equation (the inner XML of m:oMath), then more runs. */
    public DocxBank math(Object[] before, String ommlInner, Object... after) {
        XWPFParagraph para = doc.createParagraph();
        fill(para, before);
        try {
            XmlObject frag = XmlObject.Factory.parse("<m:oMath xmlns:m=\"" + M + "\">" + ommlInner + "</m:oMath>");
            try (XmlCursor src = frag.newCursor(); XmlCursor dst = para.getCTP().newCursor()) {
                src.toFirstChild();
                dst.toEndToken();
                src.copyXml(dst);
            }
        } catch (org.apache.xmlbeans.XmlException e) {
            throw new IllegalArgumentException(e);
        }
        XWPFParagraph tail = para;
        fill(tail, after);
        return this;
    }

    /** A paragraph with text and an inline PNG image. */
    public DocxBank image(String before, byte[] png) {
        XWPFParagraph para = doc.createParagraph();
        fill(para, before);
        try {
            para.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "hinh.png", Units.toEMU(30), Units.toEMU(30));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Declares a character style (underline, red or bold) or paragraph style. */
    public DocxBank style(String id, boolean paragraph, boolean bold, boolean underline, String color) {
        XWPFStyles styles = doc.createStyles();
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(paragraph ? STStyleType.PARAGRAPH : STStyleType.CHARACTER);
        s.addNewName().setVal(id);
        CTRPr rpr = s.addNewRPr();
        if (bold) rpr.addNewB();
        if (underline) rpr.addNewU().setVal(STUnderline.SINGLE);
        if (color != null) rpr.addNewColor().setVal(color);
        styles.addStyle(new XWPFStyle(s));
        return this;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small PNG of a colour (distinct bytes per seed). */
    public static byte[] png(int seed) {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, seed);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
