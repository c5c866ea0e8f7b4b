package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written PocketBase date text is the formatter's, for every year, offset and fraction. */
class DateFormatTest {
    @Test
    void writesWhatThePatternWrites() {
        SplittableRandom random = new SplittableRandom(20);
        long min = OffsetDateTime.parse("-0100-01-01T00:00:00Z").toEpochSecond();
        long max = OffsetDateTime.parse("+12000-12-31T23:59:59Z").toEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            OffsetDateTime t = Instant.ofEpochSecond(random.nextLong(min, max), random.nextInt(1_000_000_000))
                    .atOffset(ZoneOffset.ofHoursMinutes(random.nextInt(-12, 13), 0));
            assertThat(Values.formatDate(t)).as("%s", t)
                    .isEqualTo(Values.PB_DATE.format(t.withOffsetSameInstant(ZoneOffset.UTC)));
        }
        for (String edge : new String[] {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "2024-02-29T12:00:00.000999+01:00", "1970-01-01T00:00:00Z"}) {
            OffsetDateTime t = OffsetDateTime.parse(edge);
            assertThat(Values.formatDate(t)).isEqualTo(Values.PB_DATE.format(t.withOffsetSameInstant(ZoneOffset.UTC)));
        }
        assertThat(Values.formatDate(OffsetDateTime.parse("2026-12-07T23:01:02.345678+02:00")))
                .isEqualTo("2026-12-07 21:01:02.345Z");
        assertThat(Values.formatDate(null)).isEmpty();
    }
}
