package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretRulesTest {
    private static final String KEY_32 = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path workingDirectory;

    private BlogConfiguration load(Map<String, String> environment) {
        return BlogConfiguration.load(environment, new Properties(), workingDirectory);
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource({"BLOG_ENV, production", "BLOG_ENV, PRODUCTION", "DYNO, web.1", "DYNO, release.42"})
    void shouldRefuseToStartWhenProductionHasNoSecretKey(String variable, String value) {
        assertThatThrownBy(() -> load(Map.of(variable, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("SECRET_KEY: is not set")
                .hasMessageContaining("openssl rand -hex 32");
    }

    @ParameterizedTest(name = "[{index}] {0} bytes")
    @CsvSource({"1", "16", "31"})
    void shouldRefuseShortSecretKeyInProduction(int length) {
        String key = "Q".repeat(length);

        assertThatThrownBy(() -> load(Map.of("BLOG_ENV", "production", "SECRET_KEY", key)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("SECRET_KEY: is only " + length + " bytes, production needs at least 32 (generate one"
                        + " with: openssl rand -hex 32)")
                .hasMessageNotContaining(key);
    }

    @Test
    void shouldCountBytesNotCharactersWhenCheckingLength() {
        String elevenEuros = "€".repeat(11); // 33 bytes in UTF-8, 11 characters

        BlogSettings settings = load(Map.of("BLOG_ENV", "production", "SECRET_KEY", elevenEuros))
                .settings();

        assertThat(settings.secretKeys().currentBytes()).hasSize(33);
    }

    @Test
    void shouldAcceptKeyOfThirtyTwoBytesInProduction() {
        BlogConfiguration configuration = load(Map.of(
                "DYNO", "web.1", "SECRET_KEY", KEY_32 + "\n", "DATABASE_URL", "postgres://u:p@db.example.com/blog"));

        assertThat(configuration.settings().secretKeys().current()).isEqualTo(KEY_32);
        assertThat(configuration.settings().secretKeys().generated()).isFalse();
        assertThat(configuration.settings().isProduction()).isTrue();
        assertThat(configuration.warnings()).isEmpty();
    }

    @Test
    void shouldGenerateRandomKeyWithWarningWhenDevelopmentHasNone() {
        BlogConfiguration first = load(Map.of());
        BlogConfiguration second = load(Map.of());

        SecretKeys keys = first.settings().secretKeys();
        assertThat(keys.generated()).isTrue();
        assertThat(keys.currentBytes().length).isGreaterThanOrEqualTo(SecretKeys.MIN_PRODUCTION_BYTES);
        assertThat(keys.current()).isNotEqualTo(second.settings().secretKeys().current());
        assertThat(first.warnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("SECRET_KEY is not set")
                .contains("sessions will not survive a restart");
        assertThat(PrecedenceTest.entry(first, ConfigKey.SECRET_KEY).source().kind())
                .isEqualTo(ValueSource.Kind.GENERATED);
    }

    @Test
    void shouldAcceptShortKeyInDevelopmentWithAWarning() {
        BlogConfiguration configuration = load(Map.of("SECRET_KEY", "dev"));

        assertThat(configuration.settings().secretKeys().current()).isEqualTo("dev");
        assertThat(configuration.warnings()).singleElement().asString().startsWith("SECRET_KEY is only 3 bytes");
    }

    @Test
    void shouldKeepFallbacksForVerificationOnly() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SECRET_KEY", KEY_32);
        environment.put(
                "SECRET_KEY_FALLBACKS", " older-key-number-two-0123456789ab , ,older-key-number-one-0123456789ab");

        SecretKeys keys = load(environment).settings().secretKeys();

        assertThat(keys.fallbacks())
                .containsExactly("older-key-number-two-0123456789ab", "older-key-number-one-0123456789ab");
        assertThat(keys.verificationKeys())
                .extracting(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .containsExactly(KEY_32, "older-key-number-two-0123456789ab", "older-key-number-one-0123456789ab");
        assertThat(keys.currentBytes()).isEqualTo(KEY_32.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseShortFallbackKeyInProduction() {
        assertThatThrownBy(() -> load(Map.of(
                        "BLOG_ENV", "production", "SECRET_KEY", KEY_32, "SECRET_KEY_FALLBACKS", "short-old-key")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("SECRET_KEY_FALLBACKS: contains a key of only 13 bytes")
                .hasMessageNotContaining("short-old-key");
    }

    @Test
    void shouldRunAsProductionOnHerokuEvenWhenBlogEnvSaysDevelopment() {
        BlogConfiguration configuration =
                load(Map.of("DYNO", "web.1", "BLOG_ENV", "development", "SECRET_KEY", KEY_32));

        assertThat(configuration.settings().environment()).isEqualTo(Environment.PRODUCTION);
        assertThat(configuration.warnings()).anyMatch(w -> w.startsWith("BLOG_ENV=development ignored"));
        assertThat(PrecedenceTest.entry(configuration, ConfigKey.BLOG_ENV).source())
                .isEqualTo(new ValueSource(ValueSource.Kind.DERIVED, "from DYNO (set on Heroku)"));
    }

    @Test
    void shouldRejectUnknownEnvironment() {
        assertThatThrownBy(() -> load(Map.of("BLOG_ENV", "prod")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("BLOG_ENV: unknown environment 'prod' (expected development or production)");
    }
}
