package vn.truongso.materials.packages;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

import vn.truongso.materials.domain.MaterialPackages;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.NotFoundException;

/**
 * The player page: the package's table of contents and a sandboxed frame showing the chosen item. Each page view is a
 * new launch (a fresh token); the learner's data carries over through the stored attempt.
 */
@Controller
class PlayerPage {

    private final AccessPolicy access;
    private final ContentPackages packages;
    private final PackageLaunches launches;
    private final PackageProperties properties;
    private final PlayerContent content;
    private final MaterialPackages materialPackages;

    PlayerPage(AccessPolicy access, ContentPackages packages, PackageLaunches launches, PackageProperties properties, PlayerContent content,
            MaterialPackages materialPackages) {
        this.materialPackages = materialPackages;
        this.access = access;
        this.packages = packages;
        this.launches = launches;
        this.properties = properties;
        this.content = content;
    }

    @GetMapping("/schools/{schoolId}/packages/{packageId}/play")
    String play(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID packageId, @RequestParam(required = false) String item,
            Model model, HttpServletResponse response) {
        access.require(user, schoolId, Capability.LAUNCH_CONTENT_PACKAGES);
        ContentPackage p = packages.find(schoolId, packageId).orElseThrow(() -> new NotFoundException("package " + packageId));
        var launch = launches.launch(p, user.id(), item);
        return page(p, launch, "/schools/" + schoolId + "/packages/" + packageId + "/play", model, response);
    }

    /**
     * The package attached to a material, played from the material's page: by the owning school's learners, and by
     * learners of the other schools of the district or city the material is shared with (their attempt is their school's).
     */
    @GetMapping("/schools/{schoolId}/materials/{materialId}/files/{fileId}/play")
    String playMaterial(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @PathVariable UUID fileId,
            @RequestParam(required = false) String item, Model model, HttpServletResponse response) {
        var played = materialPackages.launch(user, schoolId, materialId, fileId, item);
        return page(played.pkg(), played.launch(), "/schools/" + schoolId + "/materials/" + materialId + "/files/" + fileId + "/play", model,
                response);
    }

    private String page(ContentPackage p, PackageLaunches.Launch launch, String playBase, Model model, HttpServletResponse response) {
        if (properties.separateContentOrigin()) {
            // The application's page policy allows frames from its own origin only; add the content origin for this page.
            response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                    + "script-src 'self'; object-src 'none'; frame-src " + properties.contentOrigin() + "; frame-ancestors 'self'; "
                    + "base-uri 'self'; form-action 'self'");
        }
        model.addAttribute("pkg", p);
        model.addAttribute("launch", launch);
        model.addAttribute("playBase", playBase);
        // Flow navigation between launchable items (SCOs and assets), in the organization's order.
        List<PackageStructure.Item> launchable = p.structure().items().stream().filter(PackageStructure.Item::launchable).toList();
        int at = launchable.stream().map(PackageStructure.Item::id).toList().indexOf(launch.itemId());
        model.addAttribute("previousItem", at > 0 ? launchable.get(at - 1) : null);
        model.addAttribute("nextItem", at >= 0 && at < launchable.size() - 1 ? launchable.get(at + 1) : null);
        model.addAttribute("sandbox", "allow-scripts allow-forms" + (properties.separateContentOrigin() ? " allow-same-origin" : ""));
        return "packages/player";
    }
}
