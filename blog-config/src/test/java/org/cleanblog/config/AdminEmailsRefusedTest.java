package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ADMIN_EMAILS} made anyone who registered a listed address an admin (issue 9, 1.1). It is refused wherever it
 * is set, with one line naming the command that replaces it, so an upgrade cannot silently drop what it did.
 */
class AdminEmailsRefusedTest {
    private static final String PROBLEM = "is no longer supported: it made anyone who registered a listed address an"
            + " admin; unset it and run `java -jar blog.jar admin grant EMAIL` for each admin instead";

    @TempDir
    Path workingDirectory;

    private BlogConfiguration load(Map<String, String> environment, Properties systemProperties) {
        return BlogConfiguration.load(environment, systemProperties, workingDirectory);
    }

    @Test
    void shouldRefuseTheEnvironmentVariable() {
        assertThatThrownBy(() -> load(Map.of("ADMIN_EMAILS", "boss@example.org"), new Properties()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("ADMIN_EMAILS: " + PROBLEM)
                .satisfies(
                        e -> assertThat(((ConfigurationException) e).variable()).isEqualTo("ADMIN_EMAILS"));
    }

    @Test
    void shouldRefuseTheSystemProperty() {
        Properties properties = new Properties();
        properties.setProperty("blog.admin.emails", "boss@example.org");

        assertThatThrownBy(() -> load(Map.of(), properties)).hasMessage("blog.admin.emails: " + PROBLEM);
    }

    @Test
    void shouldRefuseTheFileKey() throws IOException {
        Path file = Files.writeString(
                workingDirectory.resolve("blog.properties"),
                "blog.server.port=9090\nblog.admin.emails=boss@example.org\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> load(Map.of(), new Properties()))
                .hasMessage("blog.admin.emails in file " + file + ": " + PROBLEM);
    }

    @Test
    void shouldTreatABlankValueAsNotSetAsForEverySetting() {
        assertThat(load(Map.of("ADMIN_EMAILS", " "), new Properties()).entries())
                .noneMatch(entry -> entry.name().contains("ADMIN"));
    }
}
