package vn.truongso.materials.packages;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of package import and the player ({@code truongso.packages.*}).
 *
 * @param maxEntries the most entries (files and folders) a package zip may hold
 * @param maxUncompressed the most bytes all entries of a package may expand to (a zip bomb is refused before that)
 * @param maxCompressionRatio the most one entry larger than 1 MB may expand relative to its compressed size
 * @param launchTokenLifetime how long a launch token opens the package's content (a lesson, not a day)
 * @param contentOrigin when set (e.g. {@code https://content.truongso.example}), the player loads package content from
 *                      this separate origin, pointing at the same application; package frames may then script each
 *                      other (the sandbox adds allow-same-origin, which is safe only on another origin). Empty: content
 *                      is served from the application's own origin in an opaque-origin sandbox.
 */
@ConfigurationProperties("truongso.packages")
public record PackageProperties(@DefaultValue("10000") int maxEntries, @DefaultValue("1GB") DataSize maxUncompressed,
        @DefaultValue("100") int maxCompressionRatio, @DefaultValue("3h") Duration launchTokenLifetime,
        @DefaultValue("") String contentOrigin) {

    public boolean separateContentOrigin() {
        return contentOrigin != null && !contentOrigin.isBlank();
    }
}
