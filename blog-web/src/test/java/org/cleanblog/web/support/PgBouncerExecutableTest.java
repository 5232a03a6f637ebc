package org.cleanblog.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class PgBouncerExecutableTest {
    @TempDir
    Path bin;

    @TempDir
    Path empty;

    @Test
    void shouldFindPgBouncerOnThePathOrInASystemDirectory() throws IOException {
        Path pgbouncer = Files.createFile(
                bin.resolve("pgbouncer"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        assertThat(PgBouncerExecutable.find(empty + File.pathSeparator + bin, List.of(empty.toString())))
                .contains(pgbouncer);
        assertThat(PgBouncerExecutable.require(empty.toString(), List.of(bin.toString()), "required"))
                .isEqualTo(pgbouncer);
    }

    @Test
    void shouldSkipSayingSoWhenPgBouncerIsMissingAndNotRequired() {
        for (String requirement : new String[] {null, "", "optional"}) {
            assertThatThrownBy(() -> PgBouncerExecutable.require(empty.toString(), List.of(), requirement))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("PGBOUNCER TESTS NOT RUN")
                    .hasMessageContaining("apt-get install -y pgbouncer");
        }
    }

    @Test
    void shouldFailWhenPgBouncerIsMissingAndRequired() {
        assertThatThrownBy(() -> PgBouncerExecutable.require(empty.toString(), List.of(), "required"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "PgBouncer tests are required (BLOG_PGBOUNCER_TESTS=required) but no pgbouncer");
    }

    @Test
    void shouldRefuseAnUnknownRequirement() {
        assertThatThrownBy(() -> PgBouncerExecutable.require(empty.toString(), List.of(), "yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yes' is neither 'required' nor 'optional'");
    }
}
