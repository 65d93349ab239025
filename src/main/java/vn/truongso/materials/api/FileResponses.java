package vn.truongso.materials.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import vn.truongso.materials.domain.MaterialFiles.MaterialFile;
import vn.truongso.platform.BlobStore;

/**
 * Streams a stored file to the client, whole or one byte range (RFC 9110 §14: {@code bytes=a-b}, {@code bytes=a-},
 * {@code bytes=-n}), so video can be sought without loading it. Nothing is buffered beyond a small copy buffer.
 * Several ranges in one request are answered with the whole file (a server may ignore Range). Files are served with
 * {@code nosniff} and (except PDFs, which browsers will not show sandboxed) a sandboxing CSP, so an uploaded file
 * cannot run as part of the application's pages.
 */
public final class FileResponses {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private FileResponses() {
    }

    /** Writes the file; returns true when the whole file (or a range from its first byte) was sent, for counting downloads. */
    public static boolean send(BlobStore blobs, MaterialFile file, boolean inline, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        long size = file.size();
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Browsers refuse to show a PDF in a sandboxed document, so a PDF only may not be framed elsewhere; anything
        // else is sandboxed (no script, no cookies' origin) in case a browser tries to interpret it.
        response.setHeader("Content-Security-Policy", file.type() == vn.truongso.platform.FileType.PDF ? "frame-ancestors 'self'"
                : "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
        response.setHeader(HttpHeaders.ETAG, "\"" + file.sha256() + "\"");
        boolean showInline = inline && file.viewable();
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, (showInline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setContentType(file.mediaType());
        String range = request.getHeader(HttpHeaders.RANGE);
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        if (range != null && (ifRange == null || ifRange.equals("\"" + file.sha256() + "\""))) {
            Matcher m = RANGE.matcher(range.strip());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                long start;
                long end;
                try {
                    if (m.group(1).isEmpty()) {
                        long suffix = Long.parseLong(m.group(2));
                        start = Math.max(0, size - suffix);
                        end = size - 1;
                        if (suffix == 0) {
                            start = size;
                        }
                    } else {
                        start = Long.parseLong(m.group(1));
                        end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
                    }
                } catch (NumberFormatException tooBig) {
                    start = size;
                    end = -1;
                }
                if (start >= size || end < start) {
                    response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                    response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
                    response.setContentLengthLong(0);
                    return false;
                }
                long length = end - start + 1;
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
                response.setContentLengthLong(length);
                if (!"HEAD".equals(request.getMethod())) {
                    try (InputStream in = blobs.open(file.sha256(), start, length)) {
                        copy(in, response.getOutputStream());
                    }
                }
                return start == 0;
            }
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLengthLong(size);
        if (!"HEAD".equals(request.getMethod())) {
            try (InputStream in = blobs.open(file.sha256())) {
                copy(in, response.getOutputStream());
            }
        }
        return true;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
        }
        out.flush();
    }
}
