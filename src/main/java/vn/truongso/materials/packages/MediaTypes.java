package vn.truongso.materials.packages;

import java.util.Locale;
import java.util.Map;

/**
 * The media type a package file is served with, from its extension, as a web server would: package content is a small
 * web site, and the browser needs the type its pages reference (the player adds {@code nosniff}, so a file cannot be
 * reinterpreted as something else).
 */
final class MediaTypes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html;charset=UTF-8"), Map.entry("htm", "text/html;charset=UTF-8"),
            Map.entry("xhtml", "application/xhtml+xml"), Map.entry("js", "text/javascript;charset=UTF-8"),
            Map.entry("mjs", "text/javascript;charset=UTF-8"), Map.entry("css", "text/css;charset=UTF-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"), Map.entry("xsd", "application/xml"),
            Map.entry("txt", "text/plain;charset=UTF-8"), Map.entry("vtt", "text/vtt"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("bmp", "image/bmp"), Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"), Map.entry("ogg", "audio/ogg"),
            Map.entry("m4a", "audio/mp4"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("pdf", "application/pdf"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"),
            Map.entry("swf", "application/x-shockwave-flash"), Map.entry("zip", "application/zip"));

    private MediaTypes() {
    }

    static String of(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return "application/octet-stream";
        }
        return BY_EXTENSION.getOrDefault(path.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    static boolean html(String mediaType) {
        return mediaType.startsWith("text/html") || mediaType.startsWith("application/xhtml+xml");
    }
}
