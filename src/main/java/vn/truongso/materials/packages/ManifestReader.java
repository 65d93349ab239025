package vn.truongso.materials.packages;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import vn.truongso.platform.BadInputException;
import vn.truongso.platform.InputError;

/**
 * Reads {@code imsmanifest.xml} (SCORM 1.2 and 2004 2nd to 4th edition) or {@code cmi5.xml} at the root of a package,
 * detects the standard and version, takes the default organization's items (or the AUs) and checks what a learner
 * needs: a launchable item whose file is in the package, every item and dependency reference resolving, every listed
 * file present. Every problem is reported, each naming the manifest element it concerns.
 */
final class ManifestReader {

    static final String SCORM_MANIFEST = "imsmanifest.xml";
    static final String CMI5_MANIFEST = "cmi5.xml";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final Set<String> CMI5_RESERVED_PARAMETERS = Set.of("endpoint", "fetch", "actor", "registration", "activityid");

    private final PackageArchive archive;
    private final List<InputError> errors = new ArrayList<>();

    private ManifestReader(PackageArchive archive) {
        this.archive = archive;
    }

    static PackageStructure read(PackageArchive archive) {
        ManifestReader reader = new ManifestReader(archive);
        PackageStructure structure;
        if (archive.contains(SCORM_MANIFEST)) {
            structure = reader.scorm(SecureXml.parse(archive.manifest(SCORM_MANIFEST), SCORM_MANIFEST));
        } else if (archive.contains(CMI5_MANIFEST)) {
            structure = reader.cmi5(SecureXml.parse(archive.manifest(CMI5_MANIFEST), CMI5_MANIFEST));
        } else {
            throw new BadInputException(InputError.field("file", "packages.manifest.missing"));
        }
        if (!reader.errors.isEmpty()) {
            throw new BadInputException(reader.errors.size() > 50 ? reader.errors.subList(0, 50) : reader.errors);
        }
        return structure;
    }

    // ---- SCORM ----------------------------------------------------------------------------------------------------

    private PackageStructure scorm(Document document) {
        Element manifest = document.getDocumentElement();
        if (!"manifest".equals(manifest.getLocalName())) {
            throw new BadInputException(InputError.field(SCORM_MANIFEST, "packages.manifest.notScorm", manifest.getNodeName()));
        }
        PackageStandard standard;
        String version;
        Element metadata = child(manifest, "metadata");
        String schemaVersion = metadata == null ? null : text(child(metadata, "schemaversion"));
        String namespaces = namespaceDeclarations(manifest) + " " + manifest.getNamespaceURI();
        if (schemaVersion != null && schemaVersion.trim().equals("1.2")) {
            standard = PackageStandard.SCORM_12;
            version = "1.2";
        } else if (schemaVersion != null && (schemaVersion.contains("CAM 1.3") || schemaVersion.contains("2nd"))) {
            standard = PackageStandard.SCORM_2004;
            version = "2004 2nd Edition";
        } else if (schemaVersion != null && schemaVersion.contains("3rd")) {
            standard = PackageStandard.SCORM_2004;
            version = "2004 3rd Edition";
        } else if (schemaVersion != null && schemaVersion.contains("4th")) {
            standard = PackageStandard.SCORM_2004;
            version = "2004 4th Edition";
        } else if (namespaces.contains("imscp_rootv1p1p2") || namespaces.contains("adlcp_rootv1p2")) {
            standard = PackageStandard.SCORM_12;
            version = "1.2";
        } else if (namespaces.contains("imscp_v1p1") || namespaces.contains("adlcp_v1p3") || namespaces.contains("adlcp_v1p2")) {
            // adlcp_v1p2 (not _rootv1p2) and imscp_v1p1 without a schemaversion: SCORM 2004 as first published.
            standard = PackageStandard.SCORM_2004;
            version = "2004 2nd Edition";
        } else {
            throw new BadInputException(InputError.field("manifest/metadata/schemaversion", "packages.manifest.unknownVersion",
                    schemaVersion == null ? "" : schemaVersion));
        }

        String manifestBase = attr(manifest, XML_NS, "base");
        Element resourcesElement = child(manifest, "resources");
        String resourcesBase = join(manifestBase, resourcesElement == null ? null : attr(resourcesElement, XML_NS, "base"));
        Map<String, Element> resources = new LinkedHashMap<>();
        if (resourcesElement != null) {
            for (Element resource : children(resourcesElement, "resource")) {
                String id = resource.getAttribute("identifier");
                if (id.isBlank()) {
                    errors.add(InputError.field("resources/resource[" + (resources.size() + 1) + "]", "packages.manifest.missingIdentifier"));
                } else if (resources.putIfAbsent(id, resource) != null) {
                    errors.add(InputError.field(resourceName(id), "packages.manifest.duplicateIdentifier", id));
                }
            }
        }
        // Every listed file and dependency must be there.
        for (Map.Entry<String, Element> entry : resources.entrySet()) {
            Element resource = entry.getValue();
            String base = join(resourcesBase, attr(resource, XML_NS, "base"));
            for (Element file : children(resource, "file")) {
                String href = file.getAttribute("href");
                String path = resolve(base, href);
                if (path == null) {
                    if (!isAbsoluteUrl(href)) {
                        errors.add(InputError.field(resourceName(entry.getKey()) + "/file[@href='" + href + "']", "packages.manifest.unsafeHref", href));
                    }
                } else if (!archive.contains(path)) {
                    errors.add(InputError.field(resourceName(entry.getKey()) + "/file[@href='" + href + "']", "packages.manifest.fileMissing", path));
                }
            }
            for (Element dependency : children(resource, "dependency")) {
                String ref = dependency.getAttribute("identifierref");
                if (!resources.containsKey(ref)) {
                    errors.add(InputError.field(resourceName(entry.getKey()) + "/dependency[@identifierref='" + ref + "']",
                            "packages.manifest.unknownResource", ref));
                }
            }
        }

        Element organizations = child(manifest, "organizations");
        List<Element> organizationList = organizations == null ? List.of() : children(organizations, "organization");
        if (organizationList.isEmpty()) {
            throw new BadInputException(InputError.field("manifest/organizations", "packages.manifest.noOrganization"));
        }
        String defaultId = organizations.getAttribute("default");
        Element organization = organizationList.stream().filter(o -> o.getAttribute("identifier").equals(defaultId)).findFirst()
                .orElse(organizationList.get(0));
        for (int i = 0; i < organizationList.size(); i++) {
            if (organizationList.get(i).getAttribute("identifier").isBlank()) {
                errors.add(InputError.field("organizations/organization[" + (i + 1) + "]", "packages.manifest.missingIdentifier"));
            }
        }
        if (!defaultId.isBlank() && organizationList.stream().noneMatch(o -> o.getAttribute("identifier").equals(defaultId))) {
            errors.add(InputError.field("organizations[@default='" + defaultId + "']", "packages.manifest.unknownOrganization", defaultId));
        }
        String organizationName = "organization[@identifier='" + organization.getAttribute("identifier") + "']";
        String title = text(child(organization, "title"));
        if (title == null || title.isBlank()) {
            errors.add(InputError.field(organizationName + "/title", "packages.manifest.missingTitle"));
        }

        List<PackageStructure.Item> items = new ArrayList<>();
        Set<String> itemIds = new HashSet<>();
        collectItems(organization, 0, standard, resources, resourcesBase, items, itemIds);
        if (errors.isEmpty() && items.stream().noneMatch(PackageStructure.Item::launchable)) {
            errors.add(InputError.field(organizationName, "packages.manifest.noLaunchable"));
        }
        return new PackageStructure(standard, version, blankToNull(manifest.getAttribute("identifier")),
                title == null ? "" : title.trim(), items, resources.size(), archive.paths().size());
    }

    private void collectItems(Element parent, int depth, PackageStandard standard, Map<String, Element> resources, String resourcesBase,
            List<PackageStructure.Item> items, Set<String> itemIds) {
        for (Element item : children(parent, "item")) {
            String id = item.getAttribute("identifier");
            String name = "item[@identifier='" + id + "']";
            if (id.isBlank()) {
                errors.add(InputError.field("item[" + (items.size() + 1) + "]", "packages.manifest.missingIdentifier"));
            } else if (!itemIds.add(id)) {
                errors.add(InputError.field(name, "packages.manifest.duplicateIdentifier", id));
            }
            String ref = item.getAttribute("identifierref");
            String launchPath = null;
            String parameters = null;
            String scormType = null;
            if (!ref.isBlank()) {
                Element resource = resources.get(ref);
                if (resource == null) {
                    errors.add(InputError.field(name + "[@identifierref='" + ref + "']", "packages.manifest.unknownResource", ref));
                } else {
                    String href = resource.getAttribute("href");
                    scormType = scormType(resource);
                    if (href.isBlank()) {
                        errors.add(InputError.field(resourceName(ref) + "[@href]", "packages.manifest.missingHref"));
                    } else if (isAbsoluteUrl(href)) {
                        errors.add(InputError.field(resourceName(ref) + "[@href='" + href + "']", "packages.manifest.externalLaunch", href));
                    } else {
                        String path = resolve(join(resourcesBase, attr(resource, XML_NS, "base")), href);
                        if (path == null) {
                            errors.add(InputError.field(resourceName(ref) + "[@href='" + href + "']", "packages.manifest.unsafeHref", href));
                        } else if (!archive.contains(path)) {
                            errors.add(InputError.field(resourceName(ref) + "[@href='" + href + "']", "packages.manifest.launchMissing", path));
                        } else {
                            launchPath = path;
                            parameters = join(queryOf(href), stripQuestionMark(item.getAttribute("parameters")));
                        }
                    }
                }
            }
            String title = text(child(item, "title"));
            String masteryScore = standard == PackageStandard.SCORM_12 ? text(childAnyNs(item, "masteryscore")) : null;
            String launchData = text(childAnyNs(item, standard == PackageStandard.SCORM_12 ? "datafromlms" : "dataFromLMS"));
            items.add(new PackageStructure.Item(id, title == null || title.isBlank() ? id : title.trim(), depth, launchPath,
                    blankToNull(parameters), scormType, blankToNull(masteryScore), launchData));
            collectItems(item, depth + 1, standard, resources, resourcesBase, items, itemIds);
        }
    }

    private static String scormType(Element resource) {
        NamedNodeMap attributes = resource.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if (local.equalsIgnoreCase("scormtype")) {
                return a.getValue().trim().toLowerCase(Locale.ROOT);
            }
        }
        return "asset";
    }

    private static String resourceName(String id) {
        return "resource[@identifier='" + id + "']";
    }

    // ---- cmi5 -----------------------------------------------------------------------------------------------------

    private PackageStructure cmi5(Document document) {
        Element root = document.getDocumentElement();
        if (!"courseStructure".equals(root.getLocalName())) {
            throw new BadInputException(InputError.field(CMI5_MANIFEST, "packages.manifest.notCmi5", root.getNodeName()));
        }
        Element course = child(root, "course");
        if (course == null) {
            throw new BadInputException(InputError.field("courseStructure/course", "packages.cmi5.missingCourse"));
        }
        Set<String> ids = new HashSet<>();
        checkIri(course, "course", ids);
        String title = langstring(course);
        if (title == null || title.isBlank()) {
            errors.add(InputError.field("course/title", "packages.manifest.missingTitle"));
        }
        for (Element objective : descendants(root, "objective")) {
            checkIri(objective, "objective", ids);
        }
        List<PackageStructure.Item> items = new ArrayList<>();
        collectCmi5(root, 0, ids, items);
        if (errors.isEmpty() && items.stream().noneMatch(PackageStructure.Item::launchable)) {
            errors.add(InputError.field("courseStructure/au", "packages.cmi5.noAu"));
        }
        return new PackageStructure(PackageStandard.CMI5, "1.0", course.getAttribute("id"), title == null ? "" : title.trim(), items, 0,
                archive.paths().size());
    }

    private void collectCmi5(Element parent, int depth, Set<String> ids, List<PackageStructure.Item> items) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element)) {
                continue;
            }
            if ("block".equals(element.getLocalName())) {
                checkIri(element, "block", ids);
                items.add(new PackageStructure.Item(element.getAttribute("id"), orId(langstring(element), element), depth, null, null, null, null,
                        null));
                collectCmi5(element, depth + 1, ids, items);
            } else if ("au".equals(element.getLocalName())) {
                String id = element.getAttribute("id");
                String name = "au[@id='" + id + "']";
                checkIri(element, "au", ids);
                String url = text(child(element, "url"));
                String launchPath = null;
                String parameters = null;
                if (url == null || url.isBlank()) {
                    errors.add(InputError.field(name + "/url", "packages.cmi5.missingUrl"));
                } else {
                    url = url.trim();
                    String query = queryOf(url);
                    if (query != null) {
                        for (String pair : query.split("&")) {
                            String key = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                            if (CMI5_RESERVED_PARAMETERS.contains(key)) {
                                errors.add(InputError.field(name + "/url", "packages.cmi5.reservedParameter", key));
                            }
                        }
                    }
                    if (isAbsoluteUrl(url)) {
                        try {
                            URI uri = new URI(url);
                            if (uri.getHost() == null) {
                                throw new URISyntaxException(url, "no host");
                            }
                            launchPath = url;
                        } catch (URISyntaxException e) {
                            errors.add(InputError.field(name + "/url", "packages.cmi5.badUrl", url));
                        }
                    } else if (url.contains(":")) {
                        errors.add(InputError.field(name + "/url", "packages.cmi5.badUrl", url));
                    } else {
                        String path = resolve(null, url);
                        if (path == null) {
                            errors.add(InputError.field(name + "/url", "packages.manifest.unsafeHref", url));
                        } else if (!archive.contains(path)) {
                            errors.add(InputError.field(name + "/url", "packages.manifest.launchMissing", path));
                        } else {
                            launchPath = path;
                            parameters = query;
                        }
                    }
                }
                String mastery = blankToNull(element.getAttribute("masteryScore"));
                items.add(new PackageStructure.Item(id, orId(langstring(element), element), depth, launchPath, parameters, null, mastery,
                        text(child(element, "launchParameters"))));
            }
        }
    }

    private void checkIri(Element element, String kind, Set<String> ids) {
        String id = element.getAttribute("id");
        String name = kind + "[@id='" + id + "']";
        if (id.isBlank()) {
            errors.add(InputError.field(kind, "packages.manifest.missingIdentifier"));
            return;
        }
        try {
            URI uri = new URI(id);
            if (!uri.isAbsolute()) {
                errors.add(InputError.field(name, "packages.cmi5.notIri", id));
            }
        } catch (URISyntaxException e) {
            errors.add(InputError.field(name, "packages.cmi5.notIri", id));
        }
        if (!ids.add(id)) {
            errors.add(InputError.field(name, "packages.manifest.duplicateIdentifier", id));
        }
    }

    private static String langstring(Element element) {
        Element title = child(element, "title");
        if (title == null) {
            return null;
        }
        List<Element> strings = children(title, "langstring");
        if (strings.isEmpty()) {
            return text(title);
        }
        return strings.stream().filter(s -> s.getAttribute("lang").toLowerCase(Locale.ROOT).startsWith("vi")).findFirst()
                .or(() -> strings.stream().findFirst()).map(ManifestReader::text).orElse(null);
    }

    private static String orId(String title, Element element) {
        return title == null || title.isBlank() ? element.getAttribute("id") : title.trim();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** The package path an href (relative to an xml:base) names, or null when it leaves the package or is a URL. */
    static String resolve(String base, String href) {
        if (href == null || href.isBlank() || isAbsoluteUrl(href) || href.startsWith("/")) {
            return null;
        }
        String combined = (base == null ? "" : base) + href.trim();
        int cut = indexOfAny(combined, '?', '#');
        if (cut >= 0) {
            combined = combined.substring(0, cut);
        }
        combined = URLDecoder.decode(combined.replace("+", "%2B"), StandardCharsets.UTF_8);
        List<String> segments = new ArrayList<>();
        for (String segment : combined.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else {
                segments.add(segment);
            }
        }
        String path = String.join("/", segments);
        return path.isEmpty() || !PackageArchive.safeName(path) ? null : path;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    static boolean isAbsoluteUrl(String href) {
        return href != null && href.matches("(?i)^[a-z][a-z0-9+.-]*://.*");
    }

    private static String queryOf(String href) {
        int q = href.indexOf('?');
        if (q < 0) {
            return null;
        }
        int hash = href.indexOf('#', q);
        return href.substring(q + 1, hash < 0 ? href.length() : hash);
    }

    private static String stripQuestionMark(String parameters) {
        if (parameters == null || parameters.isBlank()) {
            return null;
        }
        String p = parameters.trim();
        return p.startsWith("?") ? p.substring(1) : p;
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null || b.isBlank() ? null : b;
        }
        if (b == null || b.isBlank()) {
            return a;
        }
        if (a.startsWith("?") || b.startsWith("?")) {
            return a + "&" + b;
        }
        return a + b;
    }

    private static String namespaceDeclarations(Element element) {
        StringBuilder out = new StringBuilder();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (a.getName().startsWith("xmlns")) {
                out.append(a.getValue()).append(' ');
            }
        }
        return out.toString();
    }

    private static String attr(Element element, String ns, String name) {
        return element.hasAttributeNS(ns, name) ? element.getAttributeNS(ns, name) : null;
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element childAnyNs(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && localName.equalsIgnoreCase(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> descendants(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        var list = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
