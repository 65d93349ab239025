package vn.truongso.platform.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import vn.truongso.platform.BlobStore;

/**
 * Files go to {@code truongso.blobs.dir}, by default {@code <data-dir>/blobs}; with no data dir (a throw-away
 * database) they go to a temporary folder as well.
 */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean(BlobStore.class)
    BlobStore folderBlobStore(@Value("${truongso.blobs.dir:}") String blobsDir, @Value("${truongso.data-dir:}") String dataDir)
            throws IOException {
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
}
