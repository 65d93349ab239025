/**
 * Question banks (ngân hàng câu hỏi): question types with their own validation and scoring, classification against
 * the curriculum, importers with a preview before an all-or-nothing commit (GIFT, Aiken, Moodle XML, IMS QTI 2.1,
 * the .xlsx template), and exporters (QTI 2.1 package, Moodle XML, GIFT).
 *
 * <p>The public surface is this package: {@link vn.truongso.questions.QuestionBanks} (what other modules may read).
 * Everything else is internal: {@code model} the question records, {@code types} one class per question type and
 * their registry, {@code imports} and {@code exports} the file formats, {@code domain} the JDBC repositories and the
 * import service, {@code api} the JSON endpoints under {@code /api/v1/schools/{schoolId}/question-banks}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Questions")
package vn.truongso.questions;
