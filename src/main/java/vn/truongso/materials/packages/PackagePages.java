package vn.truongso.materials.packages;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.web.BilingualMessages;

/** The teacher's page of the school's content packages: upload (refused packages show every reason) and the list. */
@Controller
class PackagePages {

    private final AccessPolicy access;
    private final ContentPackages packages;
    private final PackageImporter importer;
    private final BilingualMessages messages;

    PackagePages(AccessPolicy access, ContentPackages packages, PackageImporter importer, BilingualMessages messages) {
        this.access = access;
        this.packages = packages;
        this.importer = importer;
        this.messages = messages;
    }

    @GetMapping("/schools/{schoolId}/packages")
    String list(CurrentUser user, @PathVariable UUID schoolId, Model model) {
        access.require(user, schoolId, Capability.IMPORT_CONTENT_PACKAGES);
        return page(schoolId, model, List.of(), null);
    }

    @PostMapping("/schools/{schoolId}/packages")
    String upload(CurrentUser user, @PathVariable UUID schoolId, @RequestParam("file") MultipartFile file, Model model, Locale locale)
            throws IOException {
        access.require(user, schoolId, Capability.IMPORT_CONTENT_PACKAGES);
        try (InputStream in = file.getInputStream()) {
            ContentPackage imported = importer.importPackage(schoolId, user.id(), in, file.getOriginalFilename());
            return "redirect:/schools/" + schoolId + "/packages?imported=" + imported.id();
        } catch (BadInputException e) {
            return page(schoolId, model, e.errors().stream().map(error -> messages.describe(error, locale)).toList(), file.getOriginalFilename());
        }
    }

    private String page(UUID schoolId, Model model, List<String> errors, String refusedFile) {
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("packages", packages.list(schoolId));
        model.addAttribute("errors", errors);
        model.addAttribute("refusedFile", refusedFile);
        return "packages/list";
    }
}
