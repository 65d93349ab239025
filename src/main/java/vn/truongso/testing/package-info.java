/**
 * Online tests (kiểm tra trực tuyến): test sessions built from a test paper or a question bank, attempts whose every
 * answer is saved the moment it is given, the server's timer and its automatic submission, grading on the 10-point
 * scale, essays graded by hand, key corrections, monitoring and results.
 *
 * <p>The public surface is this package: {@link vn.truongso.testing.TestMarkPublished} (the event the gradebook
 * listens to). Everything else is internal: {@code domain} the sessions, attempts, grading and the JDBC access,
 * {@code api} the JSON endpoints, {@code web} the teacher's and the student's pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Testing")
package vn.truongso.testing;
