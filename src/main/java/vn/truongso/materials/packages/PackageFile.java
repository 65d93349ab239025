package vn.truongso.materials.packages;

/** One file of a package: its path inside the package, the blob holding its bytes, its media type and size. */
public record PackageFile(String path, String sha256, String mediaType, long size) {
}
