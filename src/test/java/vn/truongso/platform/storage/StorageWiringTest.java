package vn.truongso.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.truongso.platform.AcceptedFile;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.FileIntake;
import vn.truongso.platform.FileType;
import vn.truongso.platform.VirusScanner;
import vn.truongso.support.IntegrationTest;

/** The application wires the folder store, the intake and the no-op scanner when nothing else is configured. */
@IntegrationTest
class StorageWiringTest {

    @Autowired
    FileIntake intake;
    @Autowired
    BlobStore blobs;
    @Autowired
    VirusScanner scanner;

    @Test
    void anUploadGoesThroughTheIntakeIntoTheConfiguredStore() throws Exception {
        byte[] pdf = GeneratedFiles.pdf("Phân số");
        AcceptedFile accepted = intake.accept(new ByteArrayInputStream(pdf), "phan-so.pdf", 1_000_000, FileType.ANY);
        assertThat(blobs).isInstanceOf(FolderBlobStore.class);
        assertThat(scanner).isInstanceOf(NoVirusScanner.class);
        try (InputStream in = blobs.open(accepted.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(intake.extractText(accepted)).contains("Phân số");
    }
}
