package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    @Test
    void shouldRefuseAValueItHasNoCanonicalFormFor() {
        assertThatThrownBy(() -> new Checksum().add(new Object[] {1.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");
    }
}
