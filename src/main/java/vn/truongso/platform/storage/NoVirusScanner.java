package vn.truongso.platform.storage;

import java.io.InputStream;
import java.util.Optional;

import vn.truongso.platform.VirusScanner;

/** The default when no clamd is configured: content is not scanned. */
final class NoVirusScanner implements VirusScanner {

    @Override
    public Optional<String> findThreat(InputStream content, long size) {
        return Optional.empty();
    }
}
