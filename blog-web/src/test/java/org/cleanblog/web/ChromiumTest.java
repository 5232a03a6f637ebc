package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class ChromiumTest {
    @TempDir
    Path bin;

    @TempDir
    Path empty;

    @Test
    void shouldFindChromiumAndItsDriverOnThePath() throws IOException {
        Path browser = executable("chromium-browser");
        Path driver = executable("chromedriver");

        assertThat(Chromium.find(empty + File.pathSeparator + bin)).contains(new Chromium(browser, driver));
        assertThat(Chromium.require(bin.toString(), "required")).isEqualTo(new Chromium(browser, driver));
    }

    @Test
    void shouldNotFindABrowserWithoutItsDriver() throws IOException {
        executable("chromium");

        assertThat(Chromium.find(bin.toString())).isEmpty();
    }

    @Test
    void shouldSkipSayingSoWhenTheBrowserIsMissingAndNotRequired() {
        for (String requirement : new String[] {null, "", "optional"}) {
            assertThatThrownBy(() -> Chromium.require(empty.toString(), requirement))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("BROWSER TESTS NOT RUN")
                    .hasMessageContaining("apt-get install -y chromium chromium-driver");
        }
    }

    @Test
    void shouldFailWhenTheBrowserIsMissingAndRequired() {
        assertThatThrownBy(() -> Chromium.require(empty.toString(), "required"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Browser tests are required (BLOG_BROWSER_TESTS=required) but no Chromium");
    }

    @Test
    void shouldRefuseAnUnknownRequirement() {
        assertThatThrownBy(() -> Chromium.require(empty.toString(), "yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yes' is neither 'required' nor 'optional'");
    }

    private Path executable(String name) throws IOException {
        return Files.createFile(
                bin.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
