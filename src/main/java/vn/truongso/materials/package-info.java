/**
 * Materials: the school's digital learning-materials repository (kho học liệu số).
 *
 * <p>A material has versions; a teacher builds a version, the subject group appraises it (thẩm định) against a
 * rubric, the principal approves it (phê duyệt), and the approved version is published in the school repository and
 * may be proposed to and shared at the district (Phòng) and the city (Sở). The workflow is the aggregate's own rules
 * ({@code domain.Material}); every move is kept in the history and the audit log.
 *
 * <p>The public surface is this package: {@link vn.truongso.materials.MaterialKind}, the states
 * ({@link vn.truongso.materials.VersionStatus}, {@link vn.truongso.materials.Reach}) and
 * {@link vn.truongso.materials.MaterialLibrary}, the read-only view other modules (and this module's sub-packages
 * such as {@code packages} and search) use. {@code domain} holds the aggregate, its repository and services,
 * {@code api} the JSON endpoints under {@code /api/v1}, {@code web} the pages.
 */
package vn.truongso.materials;
