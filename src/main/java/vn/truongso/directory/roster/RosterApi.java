package vn.truongso.directory.roster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.SchoolAccess;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.VietnameseText;
import vn.truongso.platform.web.BilingualMessages;

/** Roster import (preview, then commit) and export as .xlsx. */
@RestController
@RequestMapping("/api/v1/schools/{schoolId}")
@Tag(name = "Roster", description = "Import the school's roster from Excel (preview, then commit) and export it")
class RosterApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RosterImports imports;
    private final SchoolAccess access;
    private final Classes classes;
    private final BilingualMessages messages;

    RosterApi(RosterImports imports, SchoolAccess access, Classes classes, BilingualMessages messages) {
        this.imports = imports;
        this.access = access;
        this.classes = classes;
        this.messages = messages;
    }

    @GetMapping("/roster/template")
    @Operation(summary = "The empty roster workbook: Cán bộ, Lớp, Học sinh, Phân công and a Hướng dẫn sheet")
    ResponseEntity<byte[]> template(CurrentUser user, @PathVariable UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        return xlsx(imports.template(), "Mẫu nhập danh sách trường.xlsx");
    }

    @GetMapping("/roster/export")
    @Operation(summary = "The whole school (current year) in the template's format; importing it again changes nothing")
    ResponseEntity<byte[]> exportSchool(CurrentUser user, @PathVariable UUID schoolId) {
        byte[] workbook = imports.exportSchool(user, schoolId);
        var school = access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        return xlsx(workbook, "Danh sách " + school.name() + " " + access.year(schoolId, null).name() + ".xlsx");
    }

    @GetMapping("/classes/{classId}/export")
    @Operation(summary = "A class list in Vietnamese name order with the parents' names and phones")
    ResponseEntity<byte[]> exportClass(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID classId) {
        byte[] workbook = imports.exportClass(user, schoolId, classId);
        String name = classes.find(schoolId, classId).map(Classes.ClassSummary::name).orElse("");
        return xlsx(workbook, "Danh sách lớp " + name + ".xlsx");
    }

    @PostMapping(path = "/roster/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a roster workbook: checks it and shows what a commit would change, changing nothing. "
            + "Errors come back in the body (200) with sheet, row and column; only an error-free upload gets an uploadId.")
    PreviewView preview(CurrentUser user, @PathVariable UUID schoolId, @RequestPart("file") MultipartFile file) throws IOException {
        return PreviewView.of(imports.preview(user, schoolId, file.getOriginalFilename(), file.getInputStream()), messages);
    }

    @PostMapping("/roster/imports/{uploadId}/commit")
    @Operation(summary = "Apply a previewed upload in one transaction (all or nothing); 400 with every error when it no longer fits. "
            + "Returns the new accounts with their temporary passwords.")
    CommitView commit(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID uploadId) {
        return CommitView.of(schoolId, imports.commit(user, schoolId, uploadId));
    }

    @GetMapping("/roster/imports/{uploadId}/credentials")
    @Operation(summary = "The accounts a commit created with their temporary passwords, as .xlsx: for the committer only, once, "
            + "within 24 hours; the server erases the passwords when they are downloaded")
    ResponseEntity<byte[]> credentials(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID uploadId) {
        return xlsx(imports.credentialsWorkbook(user, schoolId, uploadId), "Tài khoản mới " + LocalDate.now(RosterImports.VIETNAM) + ".xlsx");
    }

    record ErrorView(String sheet, Integer row, String column, String code, String message, String messageEn) {
        static ErrorView of(InputError error, BilingualMessages messages) {
            return new ErrorView(error.sheet(), error.row(), error.column(), error.code(), messages.describe(error, BilingualMessages.VIETNAMESE),
                    messages.describe(error, Locale.ENGLISH));
        }
    }

    record CountsView(RosterSheet sheet, String sheetName, int newRows, int changedRows, int unchangedRows) {
        static CountsView of(RosterPreview.SheetCounts counts) {
            return new CountsView(counts.sheet(), counts.sheetName(), counts.newRows(), counts.changedRows(), counts.unchangedRows());
        }
    }

    record PreviewView(UUID uploadId, String filename, String sha256, String schoolYear, boolean canCommit, List<CountsView> sheets,
            List<RosterPreview.Row> rows, List<ErrorView> errors) {
        static PreviewView of(RosterPreview preview, BilingualMessages messages) {
            return new PreviewView(preview.uploadId(), preview.filename(), preview.sha256(), preview.schoolYear(), preview.canCommit(),
                    preview.sheets().stream().map(CountsView::of).toList(), preview.rows(),
                    preview.errors().stream().map(e -> ErrorView.of(e, messages)).toList());
        }
    }

    record CommitView(UUID uploadId, Instant committedAt, List<CountsView> sheets, int subjectGroupsCreated, int guardiansCreated,
            int accountsCreated, List<RosterCommitResult.Credential> credentials, Instant credentialsAvailableUntil, String credentialsUrl) {
        static CommitView of(UUID schoolId, RosterCommitResult result) {
            return new CommitView(result.uploadId(), result.committedAt(), result.sheets().stream().map(CountsView::of).toList(),
                    result.subjectGroupsCreated(), result.guardiansCreated(), result.accountsCreated(), result.credentials(),
                    result.credentialsAvailableUntil(), result.credentials().isEmpty() ? null
                            : "/api/v1/schools/" + schoolId + "/roster/imports/" + result.uploadId() + "/credentials");
        }
    }

    static ResponseEntity<byte[]> xlsx(byte[] workbook, String filename) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(filename))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(workbook);
    }

    /** attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded (RFC 6266 with RFC 5987 encoding). */
    static String contentDisposition(String filename) {
        String ascii = VietnameseText.fold(filename).replaceAll("[^a-z0-9._-]+", "-");
        StringBuilder encoded = new StringBuilder();
        for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
