package vn.truongso.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.springframework.stereotype.Component;

/**
 * Formats for pages ({@code ${@fmt.date(x)}}): dates the Vietnamese way (dd/MM/yyyy) and times in Vietnam's time zone,
 * whatever zone the server runs in.
 */
@Component("fmt")
public class Formats {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** An instant (OffsetDateTime, Instant, ZonedDateTime or java.sql.Timestamp) as a local time in Vietnam. */
    public String dateTime(Object moment) {
        Instant instant = switch (moment) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case ZonedDateTime z -> z.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case LocalDateTime local -> local.atZone(VIETNAM).toInstant();
            case TemporalAccessor other -> Instant.from(other);
            default -> throw new IllegalArgumentException("not a moment: " + moment.getClass());
        };
        return instant == null ? "" : DATE_TIME.format(instant.atZone(VIETNAM));
    }

    /** A citizen ID with its middle hidden ("079******123"), for lists that do not need the whole number. */
    public String masked(String citizenId) {
        if (citizenId == null || citizenId.length() < 7) {
            return citizenId == null ? "" : citizenId;
        }
        return citizenId.substring(0, 3) + "*".repeat(citizenId.length() - 6) + citizenId.substring(citizenId.length() - 3);
    }
}
