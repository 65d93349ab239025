package vn.truongso.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The API tokens the application's data generator wrote ({@code --truongso.generate.tokens-file}): one line per token,
 * "schoolId TAB username TAB role TAB purpose TAB token", purpose "load" or "import".
 */
record BenchTokens(UUID schoolId, String username, String role, String purpose, String token) {

    static List<BenchTokens> read(Path file, String purpose) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(f -> new BenchTokens(UUID.fromString(f[0]), f[1], f[2], f[3], f[4]))
                .filter(t -> t.purpose().equals(purpose))
                .toList();
    }

    @Override
    public String toString() {
        // Never print the token itself.
        return "BenchTokens[" + username + " @ " + schoolId + "]";
    }
}
