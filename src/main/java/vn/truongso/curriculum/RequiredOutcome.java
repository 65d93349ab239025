package vn.truongso.curriculum;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A required outcome (yêu cầu cần đạt, YCCĐ) of a topic. The code is whatever the importing office uses; it may be
 * an identifier of the Ho Chi Minh City catalogue (QĐ 791/QĐ-SGDĐT), which is stored exactly as given.
 */
public record RequiredOutcome(UUID id, UUID topicId, String code, String text, int position) {

    /** The identifier pattern of HCMC QĐ 791/QĐ-SGDĐT (2025), e.g. {@code 020108.0202d3}. */
    public static final Pattern HCMC_791_IDENTIFIER = Pattern.compile("\\d{6}\\.\\d{4}[a-z]\\d");

    /** True when the code has the shape of an HCMC QĐ 791 learning-material identifier. */
    public boolean hasHcmc791Code() {
        return HCMC_791_IDENTIFIER.matcher(code).matches();
    }
}
