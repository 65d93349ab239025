package vn.truongso.directory.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import vn.truongso.platform.InputError;

/**
 * Reads an uploaded workbook safely and cheaply. The content decides what the file is (a renamed .xls, .docx, .csv or
 * text file is refused whatever its name); the sheets are streamed with SAX, never loaded whole, so a large file
 * costs little memory; POI's zip-bomb guard (minimum inflate ratio, maximum entry size) and its XXE-safe XML parsers
 * stay on. Only the four roster tabs are read; others (such as "Hướng dẫn") are skipped.
 */
@Component
class WorkbookReader {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkbookReader.class);

    /** Excel's own row limit: a row number above it only comes from a crafted file. */
    private static final int EXCEL_MAX_ROW = 1_048_576;
    /** No legitimate sheet XML entry of a 10 MB workbook comes near this once inflated. */
    private static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
    private static final double MIN_INFLATE_RATIO = 0.01;

    static {
        // JVM-wide POI settings: only ever tightened here, never loosened.
        if (ZipSecureFile.getMinInflateRatio() < MIN_INFLATE_RATIO) {
            ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        }
        if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        }
    }

    /** The workbook's recognised sheets, or the errors that stop it being read at all. */
    record Result(RawWorkbook workbook, List<InputError> errors) {
    }

    private final RosterProperties properties;

    WorkbookReader(RosterProperties properties) {
        this.properties = properties;
    }

    Result read(byte[] content) {
        if (content.length == 0) {
            return failed(InputError.general("roster.file.empty"));
        }
        if (content.length > properties.maxFileSize().toBytes()) {
            return failed(InputError.general("roster.file.tooLarge", properties.maxFileSize().toMegabytes()));
        }
        FileMagic magic = FileMagic.valueOf(content);
        if (magic == FileMagic.OLE2) {
            return failed(InputError.general(isEncryptedOoxml(content) ? "roster.file.encrypted" : "roster.file.legacyOffice"));
        }
        if (magic != FileMagic.OOXML) {
            return failed(InputError.general("roster.file.notXlsx"));
        }
        Path temporary = null;
        try {
            // A file lets the zip be read entry by entry instead of inflating everything into memory.
            temporary = Files.createTempFile("roster-", ".xlsx");
            Files.write(temporary, content);
            try (OPCPackage pkg = OPCPackage.open(temporary.toFile(), PackageAccess.READ)) {
                return readPackage(pkg);
            }
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            // Whatever a damaged or crafted file makes POI throw, the answer is that it cannot be read.
            log.info("roster upload not readable: {}", e.toString());
            return failed(InputError.general(isZipBomb(e) ? "roster.file.suspicious" : "roster.file.corrupt"));
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the temporary folder is cleaned by the system
                }
            }
        }
    }

    private Result readPackage(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException {
        var core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (core.size() != 1) {
            return failed(InputError.general("roster.file.notWorkbook"));
        }
        PackagePart main = pkg.getPart(core.getRelationship(0));
        String type = main == null ? "" : main.getContentType();
        if (!type.equals(XSSFRelation.WORKBOOK.getContentType()) && !type.equals(XSSFRelation.MACROS_WORKBOOK.getContentType())) {
            return failed(InputError.general("roster.file.notWorkbook"));
        }
        XSSFReader reader = new XSSFReader(pkg);
        boolean date1904 = usesDate1904(reader);
        var strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        Map<RosterSheet, RawWorkbook.RawSheet> sheets = new EnumMap<>(RosterSheet.class);
        List<InputError> errors = new ArrayList<>();
        XSSFReader.SheetIterator tabs = reader.getSheetIterator();
        while (tabs.hasNext()) {
            try (InputStream xml = tabs.next()) {
                String tabName = tabs.getSheetName();
                RosterSheet which = RosterSheet.byTitle(tabName);
                if (which == null) {
                    continue;
                }
                if (sheets.containsKey(which)) {
                    errors.add(InputError.general("roster.sheet.duplicate", which.title()));
                    continue;
                }
                var handler = new SheetHandler(strings, styles, date1904, properties.maxRowsPerSheet());
                parse(xml, handler);
                if (handler.tooManyRows) {
                    errors.add(new InputError(which.title(), null, null, "roster.sheet.tooManyRows", properties.maxRowsPerSheet()));
                }
                sheets.put(which, new RawWorkbook.RawSheet(which, tabName, List.copyOf(handler.rows)));
            }
        }
        if (sheets.isEmpty() && errors.isEmpty()) {
            errors.add(InputError.general("roster.file.noRosterSheet", String.join(", ",
                    java.util.Arrays.stream(RosterSheet.values()).map(RosterSheet::title).toList())));
        }
        return new Result(new RawWorkbook(List.copyOf(sheets.values())), errors);
    }

    private static void parse(InputStream xml, DefaultHandler handler) throws IOException, SAXException {
        XMLReader parser;
        try {
            parser = XMLHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        parser.setContentHandler(handler);
        try {
            parser.parse(new InputSource(xml));
        } catch (StopReading stop) {
            // the row limit was reached: what was read so far is kept, and the error says why
        }
    }

    private static boolean usesDate1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException {
        boolean[] found = {false};
        try (InputStream xml = reader.getWorkbookData()) {
            parse(xml, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        found[0] = "1".equals(value) || "true".equals(value);
                        throw new StopReading();
                    }
                    if ("sheets".equals(localName)) {
                        throw new StopReading();
                    }
                }
            });
        }
        return found[0];
    }

    private static boolean isEncryptedOoxml(byte[] content) {
        try (var fs = new POIFSFileSystem(new java.io.ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo") || fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("exceed"))) {
                return true;
            }
        }
        return false;
    }

    private static Result failed(InputError error) {
        return new Result(null, List.of(error));
    }

    /** Ends a SAX parse early. */
    private static final class StopReading extends SAXException {
        StopReading() {
            super("stop");
        }
    }

    /** Collects the non-blank cells of one worksheet from its XML. */
    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final int maxDataRows;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        final List<RawWorkbook.RawRow> rows = new ArrayList<>();
        boolean tooManyRows;

        private int rowNumber;
        private Map<Integer, RawWorkbook.RawCell> cells;
        private int column;
        private String type;
        private int style;
        private final StringBuilder value = new StringBuilder();
        private boolean inValue;
        private boolean inPhonetic;

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904, int maxDataRows) {
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
            this.maxDataRows = maxDataRows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    if (rowNumber > EXCEL_MAX_ROW) {
                        throw new SAXException("row number beyond Excel's limit");
                    }
                    cells = new HashMap<>();
                    column = -1;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? column + 1 : columnIndex(ref);
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    value.setLength(0);
                }
                case "v" -> inValue = true;
                case "t" -> inValue = !inPhonetic && "inlineStr".equals(type);
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    RawWorkbook.RawCell cell = cell();
                    if (cell != null && cells != null) {
                        cells.put(column, cell);
                    }
                }
                case "row" -> {
                    if (cells != null && !cells.isEmpty()) {
                        // the first non-blank row is the header, so data rows are one fewer than rows kept
                        if (rows.size() > maxDataRows) {
                            tooManyRows = true;
                            throw new StopReading();
                        }
                        rows.add(new RawWorkbook.RawRow(rowNumber, Map.copyOf(cells)));
                    }
                    cells = null;
                }
                default -> {
                }
            }
        }

        private RawWorkbook.RawCell cell() {
            String raw = value.toString();
            if (type == null || type.equals("n")) {
                if (raw.isBlank()) {
                    return null;
                }
                double number = Double.parseDouble(raw.strip());
                return new RawWorkbook.RawCell(isDateStyle(style) ? RawWorkbook.RawCell.Kind.DATE : RawWorkbook.RawCell.Kind.NUMBER, null,
                        date1904 ? number + 1462 : number);
            }
            String text = switch (type) {
                case "s" -> raw.isBlank() ? null : strings.getItemAt(Integer.parseInt(raw.strip())).getString();
                case "inlineStr", "str" -> raw;
                case "b" -> null;
                case "e" -> null;
                case "d" -> raw;
                default -> raw;
            };
            if ("b".equals(type)) {
                return raw.isBlank() ? null : new RawWorkbook.RawCell(RawWorkbook.RawCell.Kind.BOOLEAN, "1".equals(raw.strip()) ? "TRUE" : "FALSE", 0);
            }
            if ("e".equals(type)) {
                return new RawWorkbook.RawCell(RawWorkbook.RawCell.Kind.ERROR, raw, 0);
            }
            if (text == null || text.isBlank()) {
                return null;
            }
            if ("d".equals(type)) {
                return isoDate(text);
            }
            return RawWorkbook.RawCell.text(text);
        }

        /** A cell of type "d" holds an ISO 8601 date; it becomes the date serial number Excel would store. */
        private static RawWorkbook.RawCell isoDate(String text) {
            try {
                var date = java.time.LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
                return new RawWorkbook.RawCell(RawWorkbook.RawCell.Kind.DATE, null, DateUtil.getExcelDate(date));
            } catch (java.time.DateTimeException e) {
                return RawWorkbook.RawCell.text(text);
            }
        }

        private boolean isDateStyle(int index) {
            return dateStyles.computeIfAbsent(index, i -> {
                if (styles == null || i >= styles.getNumCellStyles()) {
                    return false;
                }
                var cellStyle = styles.getStyleAt(i);
                return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
            });
        }

        /** "AB12" gives 27. */
        static int columnIndex(String reference) {
            int index = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                index = index * 26 + (c - 'A' + 1);
            }
            return index - 1;
        }
    }
}
