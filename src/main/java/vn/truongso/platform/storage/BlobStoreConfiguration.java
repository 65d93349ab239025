package vn.truongso.platform.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import vn.truongso.platform.BlobStore;

/**
 * Where blobs go. With {@code truongso.blobs.s3.bucket} set: an S3-compatible bucket ({@link S3BlobStore}; see
 * docs/storage.md for the properties). Otherwise the folder {@code truongso.blobs.dir}, by default
 * {@code <data-dir>/blobs}; with no data dir (a throw-away database) a temporary folder.
 */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean(BlobStore.class)
    BlobStore blobStore(Environment env, @Value("${truongso.blobs.dir:}") String blobsDir,
            @Value("${truongso.data-dir:}") String dataDir) throws IOException {
        String bucket = env.getProperty("truongso.blobs.s3.bucket", "");
        if (StringUtils.hasText(bucket)) {
            return s3BlobStore(env, bucket, dataDir);
        }
        Path root;
        if (StringUtils.hasText(blobsDir)) {
            root = Path.of(blobsDir);
        } else if (StringUtils.hasText(dataDir)) {
            root = Path.of(dataDir, "blobs");
        } else {
            root = Files.createTempDirectory("truongso-blobs-");
        }
        return new FolderBlobStore(Files.createDirectories(root));
    }

    private static S3BlobStore s3BlobStore(Environment env, String bucket, String dataDir) throws IOException {
        String endpoint = env.getProperty("truongso.blobs.s3.endpoint", "");
        S3Client client = client(StringUtils.hasText(endpoint) ? URI.create(endpoint) : null,
                env.getProperty("truongso.blobs.s3.region", "us-east-1"), credentials(env),
                Boolean.parseBoolean(env.getProperty("truongso.blobs.s3.path-style", "false")),
                Boolean.parseBoolean(env.getProperty("truongso.blobs.s3.chunked-encoding", "true")));
        String spoolDir = env.getProperty("truongso.blobs.s3.spool-dir", "");
        Path spool = StringUtils.hasText(spoolDir) ? Path.of(spoolDir)
                : StringUtils.hasText(dataDir) ? Path.of(dataDir, "s3-spool") : Files.createTempDirectory("truongso-s3-spool-");
        long partSize = DataSize.parse(env.getProperty("truongso.blobs.s3.part-size", "16MB")).toBytes();
        return new S3BlobStore(client, bucket, env.getProperty("truongso.blobs.s3.prefix", ""), spool, partSize);
    }

    /** The client of the S3 store; {@code endpoint} null means AWS itself (the region's endpoint). */
    static S3Client client(URI endpoint, String region, AwsCredentialsProvider credentials, boolean pathStyle, boolean chunkedEncoding) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .forcePathStyle(pathStyle)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(chunkedEncoding).build())
                // Checksums only where S3 requires them: several S3-compatible servers reject the newer ones.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(Environment env) {
        String accessKey = env.getProperty("truongso.blobs.s3.access-key", "");
        if (StringUtils.hasText(accessKey)) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKey, env.getProperty("truongso.blobs.s3.secret-key", "")));
        }
        // The SDK's usual chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ~/.aws, instance or container roles.
        return DefaultCredentialsProvider.builder().build();
    }
}
