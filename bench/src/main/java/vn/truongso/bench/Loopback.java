package vn.truongso.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;

/** The benchmarks only ever talk to a server on this machine's loopback interface. */
final class Loopback {

    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private Loopback() {
    }

    /** The base address, refused unless it is plain HTTP on the loopback interface. */
    static URI base(String text) {
        URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || !HOSTS.contains(uri.getHost()) || uri.getPort() <= 0) {
            throw new IllegalArgumentException("benchmarks only target http://127.0.0.1:PORT (got " + text + ")");
        }
        return uri;
    }

    /** One client for all virtual users: HTTP/1.1 keep-alive, no redirects followed, virtual threads for its work. */
    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }
}
