package org.cleanblog.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 9, finding 1.3: the assets are a set known at start-up; a request for any other name remembers nothing. */
class StaticAssetsTest {
    private final StaticAssets assets = StaticAssets.fromClassPath();

    @Test
    void shouldNotGrowWhateverMissingNamesAreAskedFor() {
        int before = assets.size();

        for (int i = 0; i < 20_000; i++) {
            assertThat(assets.find("n-" + i + ".css")).isEmpty();
        }

        assertThat(assets.size()).isEqualTo(before);
    }

    @Test
    void shouldServeEveryAssetWithItsType() {
        assertThat(assets.find("blog.css")).hasValueSatisfying(a -> {
            assertThat(a.contentType()).isEqualTo("text/css; charset=UTF-8");
            assertThat(new String(a.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("masthead");
        });
        assertThat(assets.find("favicon.svg"))
                .hasValueSatisfying(a -> assertThat(a.contentType()).isEqualTo("image/svg+xml"));
    }

    @Test
    void shouldKnowEveryFileOfTheStaticFolderAndNothingElse() throws IOException {
        // Maven runs the tests from the module's folder: a file added to static/ but not listed fails here.
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/static"))) {
            var names = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());

            for (String name : names) {
                assertThat(assets.find(name)).as(name).isPresent();
            }
            assertThat(assets.size()).as("a plain and a hashed name per file").isEqualTo(2 * names.size());
        }
    }

    @Test
    void shouldServeEachFileUnderANameHoldingItsContentHash() {
        String url = StaticAssets.url("blog.css");

        assertThat(url).matches("/static/blog\\.[0-9a-f]{10}\\.css");
        String hashed = url.substring("/static/".length());
        assertThat(assets.find(hashed))
                .hasValueSatisfying(a -> assertThat(a.immutable()).isTrue());
        assertThat(assets.find(hashed).orElseThrow().bytes())
                .isEqualTo(assets.find("blog.css").orElseThrow().bytes());
        assertThat(assets.find("blog.css"))
                .hasValueSatisfying(a -> assertThat(a.immutable()).isFalse());
        assertThat(assets.find("blog.0000000000.css"))
                .as("another content's hash")
                .isEmpty();
        assertThat(StaticAssets.url("favicon.svg")).matches("/static/favicon\\.[0-9a-f]{10}\\.svg");
    }

    @Test
    void shouldRefuseAUrlForAFileThatIsNotListed() {
        assertThatThrownBy(() -> StaticAssets.url("missing.css"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("static/missing.css");
    }

    @Test
    void shouldFindNothingOutsideTheFolder() {
        assertThat(assets.find("../META-INF/services/ch.qos.logback.classic.spi.Configurator"))
                .isEmpty();
        assertThat(assets.find("META-INF/services/ch.qos.logback.classic.spi.Configurator"))
                .isEmpty();
        assertThat(assets.find(null)).isEmpty();
    }
}
