/**
 * Curriculum: the reference data of the general education programme CT GDPT 2018 (Thông tư 32/2018/TT-BGDĐT).
 *
 * <p>The public surface is this package: {@link vn.truongso.curriculum.Curriculum} (subjects per grade, periods per
 * year, assessment mode, the Circular 22 count of regular marks, topics, required outcomes, cognitive levels) and
 * {@link vn.truongso.curriculum.TopicImport} (the .xlsx import of topics and required outcomes). Everything else is
 * internal: {@code internal} holds the JDBC implementation and the importer, {@code api} the JSON endpoints under
 * {@code /api/v1/curriculum}.
 *
 * <p>Subjects, periods per year and assessment modes are seeded by the migration
 * {@code V1_3__curriculum_reference_data.sql}; the figures come from the project's domain notes (the programme's
 * teaching plan, partly from memory) and are editable reference data: see {@code docs/curriculum.md}. Topics and
 * required outcomes are not shipped; offices import them.
 */
package vn.truongso.curriculum;
