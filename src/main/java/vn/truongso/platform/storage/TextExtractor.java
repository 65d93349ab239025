package vn.truongso.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.truongso.platform.AcceptedFile;
import vn.truongso.platform.BlobStore;

/**
 * Text inside PDF (PDFBox), DOCX and PPTX (Apache POI) files, for the search index. The blob is copied to a local
 * temporary file because both libraries read a file with random access in far less memory than a stream (POI
 * reads a whole stream into memory). Output stops at {@code limit} characters; a broken file yields "".
 */
final class TextExtractor {

    private static final Logger log = LoggerFactory.getLogger(TextExtractor.class);
    /** Uncompressed XML that POI may hold in memory for one document. */
    static final long MAX_OFFICE_XML_BYTES = 256L * 1024 * 1024;

    private final BlobStore blobs;
    private final Path spool;
    private final int limit;

    TextExtractor(BlobStore blobs, Path spool, int limit) {
        this.blobs = blobs;
        this.spool = spool;
        this.limit = limit;
    }

    String extract(AcceptedFile file) {
        if (file.type() != vn.truongso.platform.FileType.PDF && file.type() != vn.truongso.platform.FileType.DOCX
                && file.type() != vn.truongso.platform.FileType.PPTX) {
            return "";
        }
        Path local = null;
        try {
            local = Files.createTempFile(spool, "text-", ".tmp");
            try (InputStream in = blobs.open(file.sha256())) {
                Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            }
            Bounded out = new Bounded(limit);
            try {
                switch (file.type()) {
                    case PDF -> pdf(local, out);
                    case DOCX -> docx(local, out);
                    case PPTX -> pptx(local, out);
                    default -> {
                    }
                }
            } catch (Bounded.Full full) {
                // Enough text: the rest of the document is not read.
            }
            return Normalizer.normalize(out.text(), Normalizer.Form.NFC).strip();
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // OutOfMemoryError too: a decompression bomb inside a PDF or an Office part fails one huge allocation,
            // which is released with the document; the upload itself is already stored and stays valid.
            log.warn("Could not extract text from {} ({}, {}): {}", file.fileName(), file.type(), file.sha256(), e.toString());
            return "";
        } finally {
            if (local != null) {
                try {
                    Files.deleteIfExists(local);
                } catch (IOException e) {
                    log.warn("Could not delete {}", local, e);
                }
            }
        }
    }

    private static void pdf(Path file, Bounded out) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.writeText(document, out);
        }
    }

    private void docx(Path file, Bounded out) throws Exception {
        checkOfficeParts(file);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                XWPFDocument document = new XWPFDocument(pkg)) {
            for (IBodyElement element : document.getBodyElements()) {
                body(element, out);
            }
        }
    }

    /**
     * POI reads each XML part into memory: refuse (as "no text") Office files whose parts declare more than
     * {@link #MAX_OFFICE_XML_BYTES} in all. Parts that lie about their size are caught by POI's own inflate-ratio
     * guard (ZipSecureFile).
     */
    private static void checkOfficeParts(Path file) throws IOException {
        long declared = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels")) {
                    declared += Math.max(entry.getSize(), 0);
                }
            }
        }
        if (declared > MAX_OFFICE_XML_BYTES) {
            throw new IOException("the XML parts declare " + declared + " bytes, more than " + MAX_OFFICE_XML_BYTES);
        }
    }

    private static void body(IBodyElement element, Bounded out) throws IOException {
        if (element instanceof XWPFParagraph paragraph) {
            out.line(paragraph.getText());
        } else if (element instanceof XWPFTable table) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    for (IBodyElement inner : cell.getBodyElements()) {
                        body(inner, out);
                    }
                }
            }
        }
    }

    private void pptx(Path file, Bounded out) throws Exception {
        checkOfficeParts(file);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                XMLSlideShow show = new XMLSlideShow(pkg)) {
            for (XSLFSlide slide : show.getSlides()) {
                shapes(slide.getShapes(), out);
                XSLFNotes notes = slide.getNotes();
                if (notes != null) {
                    shapes(notes.getShapes(), out);
                }
            }
        }
    }

    private static void shapes(Iterable<XSLFShape> shapes, Bounded out) throws IOException {
        for (XSLFShape shape : shapes) {
            if (shape instanceof XSLFTextShape textShape) {
                out.line(textShape.getText());
            } else if (shape instanceof org.apache.poi.xslf.usermodel.XSLFGroupShape group) {
                shapes(group.getShapes(), out);
            } else if (shape instanceof org.apache.poi.xslf.usermodel.XSLFTable table) {
                for (var row : table.getRows()) {
                    for (var cell : row.getCells()) {
                        out.line(cell.getText());
                    }
                }
            }
        }
    }

    /** A writer that keeps at most {@code limit} characters, then stops the reader by throwing {@link Full}. */
    private static final class Bounded extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int limit;

        Bounded(int limit) {
            this.limit = limit;
        }

        void line(String s) throws IOException {
            if (s != null && !s.isBlank()) {
                write(s);
                write("\n");
            }
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            int room = limit - text.length();
            if (length > room) {
                text.append(buffer, offset, Math.max(room, 0));
                throw new Full();
            }
            text.append(buffer, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        String text() {
            return text.toString();
        }

        /** Not an error: enough text has been read. */
        static final class Full extends RuntimeException {
            Full() {
                super("text limit reached", null, false, false);
            }
        }
    }
}
