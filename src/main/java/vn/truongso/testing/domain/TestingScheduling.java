package vn.truongso.testing.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The server's timer: every few seconds, attempts whose deadline has passed are submitted (see {@link Attempts#sweep()}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "truongso.testing.sweeper.enabled", havingValue = "true", matchIfMissing = true)
class TestingScheduling {

    private static final Logger log = LoggerFactory.getLogger(TestingScheduling.class);

    private final Attempts attempts;

    TestingScheduling(Attempts attempts) {
        this.attempts = attempts;
    }

    @Scheduled(fixedDelayString = "${truongso.testing.sweeper.interval:PT5S}", initialDelayString = "${truongso.testing.sweeper.interval:PT5S}")
    void sweep() {
        try {
            int submitted = attempts.sweep();
            if (submitted > 0) {
                log.info("Submitted {} attempts whose time was up", submitted);
            }
        } catch (RuntimeException e) {
            log.warn("The attempt sweeper failed this round: {}", e.toString());
        }
    }
}
