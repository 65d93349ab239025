package vn.truongso.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lockout after repeated failed sign-ins.
 *
 * @param maxFailures failures in a row that lock the account
 * @param lockDuration how long the account stays locked (IT staff can unlock it sooner by resetting the password)
 */
@ConfigurationProperties("truongso.sign-in")
record SignInProperties(Integer maxFailures, Duration lockDuration) {

    SignInProperties {
        maxFailures = maxFailures == null ? 5 : maxFailures;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
    }
}
