package vn.truongso.materials.domain;

import java.io.InputStream;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.truongso.platform.AcceptedFile;
import vn.truongso.platform.FileIntake;
import vn.truongso.platform.FileType;

/**
 * The kinds of file a material version may hold, and the one door they come in by: the platform's {@link FileIntake}
 * (type from the content, size limit, virus scan, nothing stored when refused).
 */
@Component
public class FileAcceptor {

    /** Documents, images, audio, video and standard packages; never an unknown type. */
    public static final Set<FileType> ALLOWED = EnumSet.of(FileType.PDF, FileType.DOCX, FileType.PPTX, FileType.XLSX, FileType.IMAGE,
            FileType.AUDIO, FileType.VIDEO, FileType.PACKAGE_ZIP);

    private final FileIntake intake;

    FileAcceptor(FileIntake intake) {
        this.intake = intake;
    }

    /** Throws {@code BadInputException} (empty, too large, wrong or contradicted type, infected) and stores nothing then. */
    public AcceptedFile accept(InputStream content, String fileName, long maxBytes) {
        return intake.accept(content, fileName, maxBytes, ALLOWED);
    }

    /** The text of a PDF, DOCX or PPTX for search; empty for other types. */
    public String text(AcceptedFile file) {
        return intake.extractText(file);
    }
}
