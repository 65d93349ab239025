package vn.truongso.materials.packages;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.NotFoundException;

/** Content packages of a school: import (with a preview), list, launch, and the learners' tracking data. */
@RestController
@RequestMapping("/api/v1/schools/{schoolId}/packages")
@Tag(name = "Content packages", description = "SCORM 1.2, SCORM 2004 and cmi5 packages: import, player launch, tracking")
class PackageApi {

    private final AccessPolicy access;
    private final PackageImporter importer;
    private final ContentPackages packages;
    private final PackageLaunches launches;
    private final PackageAttempts attempts;

    PackageApi(AccessPolicy access, PackageImporter importer, ContentPackages packages, PackageLaunches launches, PackageAttempts attempts) {
        this.access = access;
        this.importer = importer;
        this.packages = packages;
        this.launches = launches;
        this.attempts = attempts;
    }

    record PackageView(UUID id, String title, PackageStandard standard, String version, String launchPath, int fileCount, long totalBytes,
            Instant importedAt, PackageStructure structure) {

        static PackageView of(ContentPackage p) {
            return new PackageView(p.id(), p.title(), p.standard(), p.version(), p.launchPath(), p.fileCount(), p.totalBytes(), p.importedAt(),
                    p.structure());
        }
    }

    record LaunchRequest(String item) {
    }

    record LaunchView(UUID attemptId, String itemId, String contentUrl, String playerUrl, Instant expiresAt) {
    }

    record AttemptView(UUID id, UUID accountId, String itemId, String lessonStatus, String completionStatus, String successStatus,
            BigDecimal scoreRaw, BigDecimal scoreScaled, BigDecimal totalSeconds, String location, boolean hasSuspendData, int commits,
            Instant updatedAt) {

        static AttemptView of(Attempt a) {
            String location = a.cmi().getOrDefault("cmi.core.lesson_location", a.cmi().get("cmi.location"));
            String suspend = a.cmi().get("cmi.suspend_data");
            return new AttemptView(a.id(), a.accountId(), a.itemId(), a.lessonStatus(), a.completionStatus(), a.successStatus(), a.scoreRaw(),
                    a.scoreScaled(), a.totalSeconds(), location, suspend != null && !suspend.isEmpty(), a.commits(), a.updatedAt());
        }
    }

    @PostMapping(path = "/previews", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Check a package zip and show its parsed structure, storing nothing",
            description = "Answers 400 with every problem (each naming the manifest element) when the package is refused.")
    PackageStructure preview(CurrentUser user, @PathVariable UUID schoolId, @RequestPart("file") MultipartFile file) throws IOException {
        access.require(user, schoolId, Capability.IMPORT_CONTENT_PACKAGES);
        try (InputStream in = file.getInputStream()) {
            return importer.preview(in, file.getOriginalFilename());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a SCORM 1.2 / 2004 or cmi5 package zip",
            description = "A broken or unsafe package is refused (400) with the reason and nothing is stored.")
    PackageView importPackage(CurrentUser user, @PathVariable UUID schoolId, @RequestPart("file") MultipartFile file) throws IOException {
        access.require(user, schoolId, Capability.IMPORT_CONTENT_PACKAGES);
        try (InputStream in = file.getInputStream()) {
            return PackageView.of(importer.importPackage(schoolId, user.id(), in, file.getOriginalFilename()));
        }
    }

    @GetMapping
    @Operation(summary = "The school's packages, newest first")
    List<PackageView> list(CurrentUser user, @PathVariable UUID schoolId) {
        access.require(user, schoolId, Capability.IMPORT_CONTENT_PACKAGES);
        return packages.list(schoolId).stream().map(PackageView::of).toList();
    }

    @GetMapping("/{packageId}")
    @Operation(summary = "One package with its structure")
    PackageView get(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID packageId) {
        access.require(user, schoolId, Capability.IMPORT_CONTENT_PACKAGES);
        return PackageView.of(find(schoolId, packageId));
    }

    @PostMapping("/{packageId}/launches")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Launch an item of the package for the signed-in learner",
            description = "Answers the short-lived content URL (the launch token is in its path) and the player page.")
    LaunchView launch(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID packageId,
            @RequestBody(required = false) LaunchRequest request) {
        access.require(user, schoolId, Capability.LAUNCH_CONTENT_PACKAGES);
        ContentPackage p = find(schoolId, packageId);
        var launch = launches.launch(p, user.id(), request == null ? null : request.item());
        return new LaunchView(launch.attemptId(), launch.itemId(), launch.contentUrl(),
                "/schools/" + schoolId + "/packages/" + packageId + "/play?item=" + launch.itemId(), launch.expiresAt());
    }

    @GetMapping("/{packageId}/attempts")
    @Operation(summary = "Every learner's tracking data for the package")
    List<AttemptView> attempts(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID packageId) {
        access.require(user, schoolId, Capability.VIEW_CONTENT_PACKAGE_TRACKING);
        find(schoolId, packageId);
        return attempts.ofPackage(schoolId, packageId).stream().map(AttemptView::of).toList();
    }

    @GetMapping("/{packageId}/attempts/mine")
    @Operation(summary = "The signed-in learner's own tracking data for the package")
    List<AttemptView> myAttempts(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID packageId) {
        access.require(user, schoolId, Capability.LAUNCH_CONTENT_PACKAGES);
        find(schoolId, packageId);
        return attempts.ofPackage(schoolId, packageId).stream().filter(a -> a.accountId().equals(user.id())).map(AttemptView::of).toList();
    }

    private ContentPackage find(UUID schoolId, UUID packageId) {
        return packages.find(schoolId, packageId).orElseThrow(() -> new NotFoundException("package " + packageId));
    }
}
