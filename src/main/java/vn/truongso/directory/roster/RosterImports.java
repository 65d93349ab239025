package vn.truongso.directory.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.Guardians;
import vn.truongso.directory.domain.School;
import vn.truongso.directory.domain.SchoolAccess;
import vn.truongso.directory.domain.SchoolYear;
import vn.truongso.directory.domain.SchoolYears;
import vn.truongso.directory.domain.Students;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.ForbiddenException;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.VietnameseText;

/**
 * Roster import and export as .xlsx: the one entry point for the JSON API and the web pages. Every method checks the
 * user's access to the school itself (404 outside her grants, 403 without the capability), except {@link #template()}
 * which holds no school data.
 *
 * <p>An import is two steps. {@link #preview} reads the file, checks it against the school's current year and shows
 * what would change; an error-free file is stored (the bytes, in the database) so that {@link #commit} can apply it
 * later on any instance. The commit reads the stored file again, checks it against the directory as it is then, and
 * applies everything in one transaction or nothing at all.
 *
 * <p>Temporary passwords of the accounts a commit creates are returned in its result and kept, encrypted, for one
 * download as a workbook by the committer within {@code truongso.roster.credentials-retention} (24 hours by default);
 * the download erases them. Uploaded files are erased when committed or after {@code truongso.roster.upload-retention}.
 */
@Service
public class RosterImports {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final SchoolAccess access;
    private final SchoolYears years;
    private final Classes classes;
    private final Students students;
    private final Guardians guardians;
    private final DirectorySnapshot.Loader snapshots;
    private final WorkbookReader reader;
    private final RosterApplier applier;
    private final RosterUploads uploads;
    private final CredentialVault vault;
    private final AuditLog audit;
    private final RosterProperties properties;
    private final TransactionTemplate transaction;
    private final SubjectCatalog subjects;

    RosterImports(SchoolAccess access, SchoolYears years, Classes classes, Students students, Guardians guardians,
            DirectorySnapshot.Loader snapshots, WorkbookReader reader, RosterApplier applier, RosterUploads uploads, CredentialVault vault,
            AuditLog audit, RosterProperties properties, TransactionTemplate transaction, SubjectCatalog subjects) {
        this.access = access;
        this.years = years;
        this.classes = classes;
        this.students = students;
        this.guardians = guardians;
        this.snapshots = snapshots;
        this.reader = reader;
        this.applier = applier;
        this.uploads = uploads;
        this.vault = vault;
        this.audit = audit;
        this.properties = properties;
        this.transaction = transaction;
        this.subjects = subjects;
    }

    /** What checking a file against the directory found. */
    private record Analysis(SchoolYear year, RosterPlanner.Planned planned, List<InputError> errors) {
    }

    /**
     * Reads and checks an uploaded roster against the school's current year and the directory, changing nothing in the
     * directory. An error-free file is stored so that {@link #commit} can apply it later on any instance; a file with
     * errors is not kept ({@link RosterPreview#uploadId()} is then null). Needs {@code MANAGE_DIRECTORY}.
     */
    public RosterPreview preview(CurrentUser user, UUID schoolId, String filename, InputStream content) {
        School school = access.require(user, schoolId, Capability.MANAGE_DIRECTORY);
        uploads.eraseExpired(properties.uploadRetention());
        String name = filename == null ? null : VietnameseText.clean(filename.length() > 200 ? filename.substring(0, 200) : filename);
        byte[] bytes = readAtMost(content, properties.maxFileSize().toBytes());
        if (bytes == null) {
            return new RosterPreview(null, name, null, null, List.of(), List.of(),
                    List.of(InputError.general("roster.file.tooLarge", properties.maxFileSize().toMegabytes())));
        }
        String sha256 = sha256(bytes);
        Analysis analysis = analyse(school, bytes);
        String yearName = analysis.year() == null ? null : analysis.year().name();
        if (analysis.planned() == null) {
            return new RosterPreview(null, name, sha256, yearName, List.of(), List.of(), analysis.errors());
        }
        UUID uploadId = null;
        if (analysis.errors().isEmpty()) {
            UUID id = Ids.newId();
            transaction.executeWithoutResult(status -> {
                uploads.add(schoolId, id, user.id(), name, bytes, sha256);
                audit.record("roster.uploaded", schoolId, "roster-upload", id.toString(), detail(name, sha256, analysis.planned()));
            });
            uploadId = id;
        }
        return new RosterPreview(uploadId, name, sha256, yearName, analysis.planned().counts(), analysis.planned().rows(), analysis.errors());
    }

    /**
     * Applies a stored upload in one transaction: all or nothing. Re-checks the file against the directory as it is now
     * and throws {@link BadInputException} with every error when anything is wrong. An upload is committed at most once.
     * Needs {@code MANAGE_DIRECTORY}.
     */
    @Transactional
    public RosterCommitResult commit(CurrentUser user, UUID schoolId, UUID uploadId) {
        School school = access.require(user, schoolId, Capability.MANAGE_DIRECTORY);
        var upload = uploads.lockForCommit(schoolId, uploadId).orElseThrow(() -> new NotFoundException("roster upload " + uploadId));
        if (upload.committedAt() != null) {
            throw new BadInputException(InputError.general("roster.upload.alreadyCommitted"));
        }
        if (upload.file() == null) {
            throw new BadInputException(InputError.general("roster.upload.expired"));
        }
        Analysis analysis = analyse(school, upload.file());
        if (!analysis.errors().isEmpty()) {
            throw new BadInputException(analysis.errors());
        }
        RosterPlan plan = analysis.planned().plan();
        List<RosterCommitResult.Credential> credentials = applier.apply(schoolId, analysis.year().id(), plan);
        Instant now = Instant.now();
        Instant until = credentials.isEmpty() ? null : now.plus(properties.credentialsRetention());
        uploads.markCommitted(schoolId, uploadId, user.id(), now, credentials.isEmpty() ? null : vault.seal(schoolId, uploadId, credentials),
                until);
        Map<String, Object> detail = detail(upload.filename(), upload.sha256(), analysis.planned());
        detail.put("subjectGroupsCreated", plan.newGroups.size());
        detail.put("guardiansCreated", plan.newGuardians.size());
        detail.put("accountsCreated", credentials.size());
        audit.record("roster.imported", schoolId, "roster-upload", uploadId.toString(), detail);
        return new RosterCommitResult(uploadId, now, analysis.planned().counts(), plan.newGroups.size(), plan.newGuardians.size(), credentials,
                until);
    }

    /** The empty four-sheet workbook with a "Hướng dẫn" sheet. It holds no school data; the caller checks access. */
    public byte[] template() {
        return RosterWorkbookWriter.write(RosterWorkbookWriter.Content.empty(), subjects.all());
    }

    /** The whole school in the template's format; importing it again changes nothing. Needs {@code VIEW_DIRECTORY}. */
    public byte[] exportSchool(CurrentUser user, UUID schoolId) {
        School school = access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        SchoolYear year = access.year(schoolId, null);
        byte[] workbook = RosterWorkbookWriter.write(SchoolExport.rows(snapshots.load(school, year)), subjects.all());
        transaction.executeWithoutResult(status -> audit.record("roster.exported", schoolId, "school", schoolId.toString(),
                Map.of("schoolYear", year.name())));
        return workbook;
    }

    /** One class list in Vietnamese name order, with the guardians' names and phones. Needs {@code VIEW_DIRECTORY}. */
    public byte[] exportClass(CurrentUser user, UUID schoolId, UUID classId) {
        School school = access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        var schoolClass = classes.find(schoolId, classId).orElseThrow(() -> new NotFoundException("class " + classId));
        var year = years.find(schoolId, schoolClass.schoolYearId()).orElseThrow(() -> new NotFoundException("year"));
        List<ClassListWriter.Entry> entries = new ArrayList<>();
        for (var student : students.ofClass(schoolId, classId)) {
            entries.add(new ClassListWriter.Entry(student, guardians.ofStudent(schoolId, student.id())));
        }
        byte[] workbook = ClassListWriter.write(school.name(), year.name(), schoolClass.name(), schoolClass.homeroomTeacher(), entries);
        transaction.executeWithoutResult(status -> audit.record("class-list.exported", schoolId, "class", classId.toString(),
                Map.of("class", schoolClass.name(), "students", entries.size())));
        return workbook;
    }

    /**
     * The accounts a commit created, with their temporary passwords, as a workbook: only for the user who committed,
     * only once and only within 24 hours of the commit; the passwords are erased from the server when downloaded.
     * Another user of the school gets 403; a second download or a late one gets a {@link BadInputException} whose
     * message says to reset the passwords instead.
     */
    @Transactional
    public byte[] credentialsWorkbook(CurrentUser user, UUID schoolId, UUID uploadId) {
        School school = access.require(user, schoolId, Capability.MANAGE_DIRECTORY);
        uploads.eraseExpired(properties.uploadRetention());
        var stored = uploads.lockCredentials(schoolId, uploadId).orElseThrow(() -> new NotFoundException("roster upload " + uploadId));
        if (stored.committedAt() == null) {
            throw new BadInputException(InputError.general("roster.credentials.notCommitted"));
        }
        if (!user.id().equals(stored.committedBy())) {
            throw new ForbiddenException("only the user who committed the import may download its credentials");
        }
        if (stored.credentials() == null || stored.credentialsUntil() == null || stored.credentialsUntil().isBefore(Instant.now())) {
            throw new BadInputException(InputError.general("roster.credentials.unavailable"));
        }
        List<RosterCommitResult.Credential> credentials = vault.open(schoolId, uploadId, stored.credentials());
        uploads.credentialsTaken(schoolId, uploadId);
        audit.record("roster.credentials-downloaded", schoolId, "roster-upload", uploadId.toString(), Map.of("accounts", credentials.size()));
        return CredentialsWriter.write(school.name(), stored.committedAt(), credentials);
    }

    private Analysis analyse(School school, byte[] bytes) {
        var read = reader.read(bytes);
        if (!read.errors().isEmpty()) {
            return new Analysis(null, null, read.errors());
        }
        List<InputError> errors = new ArrayList<>();
        ParsedRoster parsed = RosterParser.parse(read.workbook(), errors);
        if (parsed.isEmpty() && errors.isEmpty()) {
            errors.add(InputError.general("roster.file.noData"));
        }
        var year = years.current(school.schoolId());
        if (year.isEmpty()) {
            errors.add(InputError.general("schoolYear.noCurrent"));
            return new Analysis(null, null, errors);
        }
        var planned = RosterPlanner.plan(parsed, snapshots.load(school, year.get()), LocalDate.now(VIETNAM), errors);
        errors.sort(ERROR_ORDER);
        return new Analysis(year.get(), planned, List.copyOf(errors));
    }

    /** Errors of the whole file first, then sheet by sheet in template order, row by row. */
    private static final Comparator<InputError> ERROR_ORDER = Comparator
            .comparing((InputError e) -> e.sheet() == null ? -1 : sheetOrder(e.sheet()))
            .thenComparing(e -> e.row() == null ? 0 : e.row());

    private static int sheetOrder(String title) {
        RosterSheet sheet = RosterSheet.byTitle(title);
        return sheet == null ? RosterSheet.values().length : sheet.ordinal();
    }

    private static Map<String, Object> detail(String filename, String sha256, RosterPlanner.Planned planned) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("filename", filename == null ? "" : filename);
        detail.put("sha256", sha256);
        for (var counts : planned.counts()) {
            detail.put(counts.sheet().name().toLowerCase(), Map.of("new", counts.newRows(), "changed", counts.changedRows(),
                    "unchanged", counts.unchangedRows()));
        }
        return detail;
    }

    /** The stream's bytes, or null when it holds more than {@code limit}. */
    private static byte[] readAtMost(InputStream content, long limit) {
        try (content) {
            byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return bytes.length > limit ? null : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
