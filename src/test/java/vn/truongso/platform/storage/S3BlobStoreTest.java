package vn.truongso.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.BlobStore.StoredBlob;

/**
 * The S3 store against a real S3 server: S3Proxy (from Maven Central) on the loopback interface, with its filesystem
 * backend in a temporary folder and AWS signature V4 authentication, so requests are signed and checked.
 */
class S3BlobStoreTest extends BlobStoreContract {

    private static final String ACCESS_KEY = "truongso-test";
    private static final String SECRET_KEY = "truongso-test-secret";

    @TempDir
    static Path serverDir;
    @TempDir
    Path spoolDir;

    private static S3Proxy server;
    private static S3Client client;
    private static int bucketNumber;
    private String bucket;
    private S3BlobStore store;

    @BeforeAll
    static void startServer() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", serverDir.toString());
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        server = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", properties))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        server.start();
        for (int i = 0; i < 100 && !"STARTED".equals(server.getState()); i++) {
            Thread.sleep(50);
        }
        client = client(SECRET_KEY);
    }

    private static S3Client client(String secret) {
        return BlobStoreConfiguration.client(URI.create("http://127.0.0.1:" + server.getPort()), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret)), true, true);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Override
    BlobStore store() throws Exception {
        bucket = "truongso-" + (++bucketNumber);
        client.createBucket(b -> b.bucket(bucket));
        store = new S3BlobStore(client, bucket, "blobs/", spoolDir, 5L * 1024 * 1024);
        return store;
    }

    @AfterEach
    void spoolIsEmpty() throws Exception {
        try (Stream<Path> files = Files.list(spoolDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Override
    long storedBlobs() {
        return client.listObjectsV2(b -> b.bucket(bucket)).contents().size();
    }

    @Override
    boolean leftovers() throws Exception {
        boolean spooled;
        try (Stream<Path> files = Files.list(spoolDir)) {
            spooled = files.findAny().isPresent();
        }
        return spooled || !client.listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty();
    }

    @Test
    void requestsAreSignedAndAWrongSecretIsRefused() throws Exception {
        store();
        try (S3Client wrong = client("not-the-secret")) {
            S3BlobStore intruder = new S3BlobStore(wrong, bucket, "blobs/", spoolDir, 5L * 1024 * 1024);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> intruder.put(utf8("x"), 10))
                    .isInstanceOf(java.io.IOException.class);
        }
        assertThat(storedBlobs()).isZero();
    }

    @Test
    void theIntakeUploadsItsSpoolFileOnceAndNotAgainForTheSameContent() throws Exception {
        S3BlobStore s3 = (S3BlobStore) store();
        StreamingFileIntake intake = new StreamingFileIntake(s3, new NoVirusScanner(), spoolDir.resolve("intake"), 1000);
        byte[] pdf = GeneratedFiles.pdf("Phân số");
        var first = intake.accept(new java.io.ByteArrayInputStream(pdf), "a.pdf", 1_000_000, vn.truongso.platform.FileType.ANY);
        var second = intake.accept(new java.io.ByteArrayInputStream(pdf), "b.pdf", 1_000_000, vn.truongso.platform.FileType.ANY);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(storedBlobs()).isEqualTo(1);
        assertThat(intake.extractText(first)).contains("Phân số");
        try (Stream<Path> files = Files.list(spoolDir.resolve("intake"))) {
            assertThat(files).isEmpty();
        }
        Files.delete(spoolDir.resolve("intake"));
    }

    @Test
    void worksWithChunkedEncodingOffAsS3rverNeeds() throws Exception {
        store();
        try (S3Client plain = BlobStoreConfiguration.client(URI.create("http://127.0.0.1:" + server.getPort()), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)), true, false)) {
            S3BlobStore unchunked = new S3BlobStore(plain, bucket, "blobs/", spoolDir, 5L * 1024 * 1024);
            long size = 6L * 1024 * 1024;
            StoredBlob blob = unchunked.put(new GeneratedStream(size, 11, null), size);
            assertThat(unchunked.size(blob.sha256())).contains(size);
        }
    }

    @Test
    void theApplicationSwitchesToS3WhenABucketIsConfigured() throws Exception {
        store();
        new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                .withUserConfiguration(BlobStoreConfiguration.class, IntakeConfiguration.class)
                .withPropertyValues("truongso.blobs.s3.bucket=" + bucket,
                        "truongso.blobs.s3.endpoint=http://127.0.0.1:" + server.getPort(),
                        "truongso.blobs.s3.access-key=" + ACCESS_KEY, "truongso.blobs.s3.secret-key=" + SECRET_KEY,
                        "truongso.blobs.s3.path-style=true", "truongso.blobs.s3.prefix=app/",
                        "truongso.blobs.s3.spool-dir=" + spoolDir.resolve("app-spool"),
                        "truongso.intake.dir=" + spoolDir.resolve("app-intake"),
                        "truongso.clamd.host=127.0.0.1")
                .run(context -> {
                    assertThat(context).hasSingleBean(BlobStore.class);
                    assertThat(context.getBean(BlobStore.class)).isInstanceOf(S3BlobStore.class);
                    assertThat(context.getBean(vn.truongso.platform.VirusScanner.class)).isInstanceOf(ClamdVirusScanner.class);
                    StoredBlob blob = context.getBean(BlobStore.class).put(utf8("phân số"), 100);
                    assertThat(client.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key)
                            .containsExactly("app/" + blob.sha256().substring(0, 2) + "/" + blob.sha256());
                });
        org.springframework.util.FileSystemUtils.deleteRecursively(spoolDir.resolve("app-spool"));
        org.springframework.util.FileSystemUtils.deleteRecursively(spoolDir.resolve("app-intake"));
    }

    @Test
    void withoutABucketBlobsGoToTheFolderAndNothingIsScanned() {
        new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                .withUserConfiguration(BlobStoreConfiguration.class, IntakeConfiguration.class)
                .run(context -> {
                    assertThat(context.getBean(BlobStore.class)).isInstanceOf(FolderBlobStore.class);
                    assertThat(context.getBean(vn.truongso.platform.VirusScanner.class)).isInstanceOf(NoVirusScanner.class);
                    assertThat(context).hasSingleBean(vn.truongso.platform.FileIntake.class);
                });
    }

    @Test
    void aBlobIsAnObjectKeyedByItsHashUnderThePrefix() throws Exception {
        StoredBlob blob = store().put(utf8("phân số"), 1000);
        assertThat(client.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key)
                .containsExactly("blobs/" + blob.sha256().substring(0, 2) + "/" + blob.sha256());
    }
}
