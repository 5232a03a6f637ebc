package org.cleanblog.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cleanblog.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {
    @Test
    void shouldKeepSpellingAndCompareInLowerCase() {
        Email email = new Email("  Ada.Lovelace@Example.ORG\n");

        assertThat(email.value()).isEqualTo("Ada.Lovelace@Example.ORG");
        assertThat(email.normalized()).isEqualTo("ada.lovelace@example.org");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "   ", "plain", "a@b", "@example.org", "a@@example.org", "a b@example.org", "a@example."})
    void shouldRejectWhatIsNotAnAddress(String value) {
        assertThatThrownBy(() -> new Email(value))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("email");
    }

    @Test
    void shouldRejectTooLongAddresses() {
        assertThatThrownBy(() -> new Email("a".repeat(250) + "@example.org"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 254");
    }
}
