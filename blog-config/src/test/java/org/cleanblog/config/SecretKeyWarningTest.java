package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A key shorter than 32 bytes is as easy to guess in development as in production (issue 9, 1.10): production still
 * refuses it, every other mode warns, in the serving warnings (logged by {@code serve}) and in the {@code config}
 * printout.
 */
class SecretKeyWarningTest {
    private static final String KEY_32 = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path workingDirectory;

    private BlogConfiguration load(Map<String, String> environment) {
        return BlogConfiguration.load(environment, new Properties(), workingDirectory);
    }

    @Test
    void shouldWarnAboutAShortKeyInDevelopment() {
        BlogConfiguration configuration = load(Map.of("SECRET_KEY", "twelve-bytes"));

        String warning = "SECRET_KEY is only 12 bytes: a short key can be guessed, and whoever guesses it can sign"
                + " sessions as any user; use at least 32 bytes, as production requires (generate one with: openssl"
                + " rand -hex 32)";
        assertThat(configuration.servingWarnings()).containsExactly(warning);
        assertThat(configuration.render()).contains("Warnings:\n  - " + warning + "\n");
    }

    @Test
    void shouldCountBytesNotCharacters() {
        // 16 characters of two bytes each: 32 bytes, long enough.
        assertThat(load(Map.of("SECRET_KEY", "é".repeat(16))).servingWarnings()).isEmpty();
        assertThat(load(Map.of("SECRET_KEY", "é".repeat(15))).servingWarnings())
                .singleElement()
                .asString()
                .startsWith("SECRET_KEY is only 30 bytes");
    }

    @Test
    void shouldWarnAboutEachShortFallbackKey() {
        BlogConfiguration configuration =
                load(Map.of("SECRET_KEY", KEY_32, "SECRET_KEY_FALLBACKS", KEY_32 + ",old-key, older"));

        assertThat(configuration.servingWarnings())
                .extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactly(
                        "SECRET_KEY_FALLBACKS contains a key of only 7 bytes",
                        "SECRET_KEY_FALLBACKS contains a key of only 5 bytes");
        assertThat(configuration.render()).doesNotContain("old-key");
    }

    @ParameterizedTest(name = "[{index}] {0} bytes")
    @ValueSource(ints = {32, 64})
    void shouldNotWarnAboutAKeyOfAtLeast32Bytes(int length) {
        assertThat(load(Map.of("SECRET_KEY", "k".repeat(length))).warnings()).isEmpty();
    }

    @Test
    void shouldStillRefuseAShortKeyInProduction() {
        assertThatThrownBy(() -> load(Map.of("BLOG_ENV", "production", "SECRET_KEY", "twelve-bytes")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("SECRET_KEY: is only 12 bytes, production needs at least 32");
    }
}
