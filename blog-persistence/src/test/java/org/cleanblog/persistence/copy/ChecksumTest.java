package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChecksumTest {
    private static String of(Object[]... rows) {
        Checksum checksum = new Checksum();
        for (Object[] row : rows) {
            checksum.add(row);
        }
        return checksum.hex();
    }

    @Test
    void shouldBeEqualForEqualRows() {
        assertThat(of(new Object[] {1L, "a", true, null})).isEqualTo(of(new Object[] {1L, "a", true, null}));
    }

    @Test
    void shouldDifferWhenTextIsSplitDifferentlyBetweenColumns() {
        assertThat(of(new Object[] {"ab", "c"})).isNotEqualTo(of(new Object[] {"a", "bc"}));
    }

    @Test
    void shouldDifferWhenValuesMoveBetweenRows() {
        assertThat(of(new Object[] {"a", "b"}, new Object[] {"c"}))
                .isNotEqualTo(of(new Object[] {"a"}, new Object[] {"b", "c"}));
    }

    @Test
    void shouldTellNullFromTheTextN() {
        assertThat(of(new Object[] {(Object) null})).isNotEqualTo(of(new Object[] {"N"}));
    }

    @Test
    void shouldTellANumberFromItsText() {
        assertThat(of(new Object[] {1L})).isNotEqualTo(of(new Object[] {"1"}));
        assertThat(of(new Object[] {true})).isNotEqualTo(of(new Object[] {1L}));
    }

    @Test
    void shouldDependOnRowOrder() {
        assertThat(of(new Object[] {1L}, new Object[] {2L})).isNotEqualTo(of(new Object[] {2L}, new Object[] {1L}));
    }

    @Test
    void shouldTreatTheSameInstantWrittenInDifferentZonesAsEqual() {
        Instant utc =
                OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 123_000, ZoneOffset.UTC).toInstant();
        Instant paris = OffsetDateTime.of(2024, 3, 1, 13, 0, 0, 123_000, ZoneOffset.ofHours(1))
                .toInstant();

        assertThat(of(new Object[] {utc})).isEqualTo(of(new Object[] {paris}));
        assertThat(of(new Object[] {utc})).isNotEqualTo(of(new Object[] {utc.plusNanos(1_000)}));
    }

    @Test
    void shouldCountRows() {
        Checksum checksum = new Checksum();
        checksum.add(new Object[] {1L});
        checksum.add(new Object[] {2L});

        assertThat(checksum.rows()).isEqualTo(2);
    }

    /**
     * The canonical form is built byte by byte; it must be the one it always was, each value's text form encoded with
     * {@link String#getBytes}, so that checksums stay comparable: checked here against that reference on awkward
     * values.
     */
    @Test
    void shouldDigestTheCanonicalTextFormAsUtf8() throws Exception {
        Instant instant = Instant.ofEpochSecond(-62_135_596_800L, 999_999_000);
        Object[][] rows = {
            {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 9L, 10L, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L},
            {true, false, null, Checksum.Marker.COPY_TIME, instant, Instant.EPOCH, Instant.ofEpochSecond(1, 1)},
            {
                "",
                "a",
                "é ✓ \u00a0 \u07ff \u0800 \uffff",
                "\ud83d\ude00 emoji",
                "lone \ud83d high",
                "lone \ude00 low",
                "\ud83d"
            },
            {"x".repeat(2_000) + "✓".repeat(700), "\t\n\r\\\0\u001f\u001e"}
        };
        MessageDigest reference = MessageDigest.getInstance("SHA-256");
        for (Object[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (Object value : row) {
                line.append(referenceForm(value)).append('\u001f');
            }
            reference.update(line.append('\u001e').toString().getBytes(StandardCharsets.UTF_8));
        }

        assertThat(of(rows)).isEqualTo(HexFormat.of().formatHex(reference.digest()));
    }

    private static String referenceForm(Object value) {
        if (value == null) {
            return "N";
        } else if (value instanceof Long number) {
            return "L" + number;
        } else if (value instanceof Boolean bool) {
            return bool ? "B1" : "B0";
        } else if (value instanceof Instant instant) {
            return "T" + instant.getEpochSecond() + "." + instant.getNano();
        } else if (value instanceof String text) {
            return "S" + text.length() + ":" + text;
        }
        return "C";
    }

    @Test
    void shouldRefuseAValueItHasNoCanonicalFormFor() {
        assertThatThrownBy(() -> new Checksum().add(new Object[] {1.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");
    }
}
