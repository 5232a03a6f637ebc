package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A SQLite source that does not exist is refused by name, and neither it nor the target is created. */
class MissingSourceTest {
    @TempDir
    Path directory;

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"jdbc:sqlite:", "jdbc:sqlite:file:", "jdbc:sqlite:file://"})
    void shouldRefuseAMissingSqliteSourceNamingItsFile(String prefix) {
        Path missing = directory.resolve("nothing-here.db");
        Path target = directory.resolve("target.db");

        CopyException refused = catchThrowableOfType(
                CopyException.class,
                () -> BlogCopy.from(prefix + missing + "?open_mode=1", null, null)
                        .to("jdbc:sqlite:" + target, null, null)
                        .run());

        assertThat(refused.reason()).isEqualTo(CopyException.Reason.SOURCE_NOT_FOUND);
        assertThat(refused).hasMessageContaining(missing.toString()).hasMessageNotContaining("--");
        assertThat(missing).doesNotExist();
        assertThat(target).doesNotExist();
    }
}
