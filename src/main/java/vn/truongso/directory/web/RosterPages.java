package vn.truongso.directory.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.truongso.directory.domain.School;
import vn.truongso.directory.domain.SchoolAccess;
import vn.truongso.directory.roster.RosterCommitResult;
import vn.truongso.directory.roster.RosterImports;
import vn.truongso.directory.roster.RosterPreview;
import vn.truongso.directory.roster.RosterSheet;
import vn.truongso.directory.roster.RowStatus;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.web.BilingualMessages;

/**
 * Nhập danh sách: download the template, upload a filled-in workbook, see what it would change and every error with
 * its sheet, row and column, then commit it and hand out the new accounts' temporary passwords.
 */
@Controller
@RequestMapping("/schools/{schoolId}/roster")
class RosterPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One sheet of the preview as the page shows it: its counts, the rows that change and the rows that are new. */
    public record SheetView(RosterPreview.SheetCounts counts, List<RosterPreview.Row> changed, List<RosterPreview.Row> added) {
    }

    private final SchoolAccess access;
    private final RosterImports rosters;
    private final BilingualMessages messages;

    RosterPages(SchoolAccess access, RosterImports rosters, BilingualMessages messages) {
        this.access = access;
        this.rosters = rosters;
        this.messages = messages;
    }

    @GetMapping
    String upload(CurrentUser user, @PathVariable UUID schoolId, Model model) {
        model.addAttribute("school", access.require(user, schoolId, Capability.MANAGE_DIRECTORY));
        model.addAttribute("errors", List.of());
        return "roster/upload";
    }

    @PostMapping
    String preview(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) MultipartFile file, Locale locale,
            Model model) throws IOException {
        School school = access.require(user, schoolId, Capability.MANAGE_DIRECTORY);
        model.addAttribute("school", school);
        if (file == null || file.isEmpty()) {
            return uploadWithErrors(List.of(InputError.field("file", "upload.missing")), locale, model);
        }
        RosterPreview preview;
        try (InputStream content = file.getInputStream()) {
            preview = rosters.preview(user, schoolId, file.getOriginalFilename(), content);
        } catch (BadInputException e) {
            return uploadWithErrors(e.errors(), locale, model);
        }
        model.addAttribute("preview", preview);
        model.addAttribute("sheets", List.of(RosterSheet.values()).stream()
                .filter(sheet -> preview.sheets().stream().anyMatch(s -> s.sheet() == sheet))
                .map(sheet -> new SheetView(preview.counts(sheet),
                        preview.changes(sheet).stream().filter(r -> r.status() == RowStatus.CHANGED).toList(),
                        preview.changes(sheet).stream().filter(r -> r.status() == RowStatus.NEW).toList()))
                .toList());
        model.addAttribute("errors", describe(preview.errors(), locale));
        return "roster/preview";
    }

    @PostMapping("/{uploadId}/commit")
    String commit(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID uploadId, Locale locale, Model model) {
        School school = access.require(user, schoolId, Capability.MANAGE_DIRECTORY);
        model.addAttribute("school", school);
        RosterCommitResult result;
        try {
            result = rosters.commit(user, schoolId, uploadId);
        } catch (BadInputException e) {
            // The directory changed since the preview (or the upload was committed already): nothing was applied.
            model.addAttribute("commitRefused", true);
            return uploadWithErrors(e.errors(), locale, model);
        }
        model.addAttribute("result", result);
        return "roster/result";
    }

    /** The new accounts with their temporary passwords as a workbook: once, for the committer (a POST, so no prefetch uses it up). */
    @PostMapping("/{uploadId}/credentials")
    ResponseEntity<byte[]> credentials(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID uploadId) {
        access.require(user, schoolId, Capability.MANAGE_DIRECTORY);
        byte[] workbook = rosters.credentialsWorkbook(user, schoolId, uploadId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("tai-khoan-moi.xlsx").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType(XLSX))
                .body(workbook);
    }

    private String uploadWithErrors(List<InputError> errors, Locale locale, Model model) {
        model.addAttribute("errors", describe(errors, locale));
        return "roster/upload";
    }

    private List<String> describe(List<InputError> errors, Locale locale) {
        return errors.stream().map(error -> messages.describe(error, locale)).toList();
    }

}
