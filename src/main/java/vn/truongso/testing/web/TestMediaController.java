package vn.truongso.testing.web;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.NotFoundException;
import vn.truongso.testing.domain.TestMedia;

/**
 * Question images of a test ({@code /testing/media/{sha256}}, the URLs the attempt's question HTML points to), from the
 * platform BlobStore. Authorised by {@link TestMedia}: the attempt token ({@code X-Attempt-Token}) or the signed-in
 * student or staff; 404 otherwise. A blob never changes (it is named by its SHA-256), so it is cached privately for a
 * day and revalidated by its name as ETag.
 */
@RestController
class TestMediaController {

    private final TestMedia media;
    private final BlobStore blobs;

    TestMediaController(TestMedia media, BlobStore blobs) {
        this.media = media;
        this.blobs = blobs;
    }

    @GetMapping("/testing/media/{sha256}")
    void media(@PathVariable String sha256, @RequestHeader(name = "X-Attempt-Token", required = false) String token,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, HttpServletResponse response) throws IOException {
        if (!media.mayRead(sha256, token, CurrentUser.find().orElse(null)) || blobs.size(sha256).isEmpty()) {
            throw new NotFoundException("test media " + sha256);
        }
        String etag = "\"" + sha256 + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "private, max-age=86400, immutable");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] bytes;
        try (InputStream in = blobs.open(sha256)) {
            bytes = in.readAllBytes();
        }
        response.setContentType(contentType(bytes));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The type from the file's first bytes (images and audio of questions); anything else is served as opaque bytes. */
    static String contentType(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (starts(b, 'I', 'D', '3') || starts(b, 0xFF, 0xFB)) {
            return "audio/mpeg";
        }
        if (starts(b, 'O', 'g', 'g', 'S')) {
            return "audio/ogg";
        }
        String head = new String(b, 0, Math.min(b.length, 256), java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.contains("<svg"))) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
