package vn.truongso.materials.packages;

import java.util.List;

/**
 * What an imported package contains, as the preview shows it and the player uses it: the standard and its version, the
 * title, and the items of the default organization (SCORM) or the assignable units (cmi5) in document order, each
 * with its depth and, when it can be launched, the launch path inside the package.
 */
public record PackageStructure(PackageStandard standard, String version, String identifier, String title, List<Item> items,
        int resourceCount, int fileCount) {

    public PackageStructure {
        items = List.copyOf(items);
    }

    /**
     * One item (SCORM) or AU (cmi5).
     *
     * @param launchPath the file inside the package to open (null for a container item); an absolute URL for a cmi5 AU
     *                   hosted elsewhere
     * @param parameters the query string to append (SCORM item parameters or the url's own query), without '?'
     * @param scormType "sco" (talks to the runtime API) or "asset"; null for cmi5
     */
    public record Item(String id, String title, int depth, String launchPath, String parameters, String scormType,
            String masteryScore, String launchData) {

        public boolean launchable() {
            return launchPath != null;
        }
    }

    /** The first launchable item (the import refuses a package without one). */
    public Item firstLaunchable() {
        return items.stream().filter(Item::launchable).findFirst().orElseThrow();
    }

    public Item item(String id) {
        return items.stream().filter(i -> i.id().equals(id) && i.launchable()).findFirst().orElse(null);
    }
}
