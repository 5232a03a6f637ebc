package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A copy whose process is killed (SIGKILL) after it wrote every row leaves the target as it was. */
class KilledCopyTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldLeaveTheTargetAsItWasWhenTheProcessIsKilledMidCopy(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "killsource");
                TestDatabase target = TestDatabase.create(dialect, "killtarget")) {
            try (BlogDatabase blog = source.open()) {
                CopyTestData.writeBlog(blog);
            }
            try (BlogDatabase blog = target.open()) {
                blog.users().create(Fixtures.newUser("kept@example.org"));
            }
            Map<String, List<List<Object>>> before = CopyTestData.readAll(target);

            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            CopyUntilKilled.class.getName(),
                            source.jdbcUrl(),
                            target.jdbcUrl())
                    .redirectErrorStream(true)
                    .start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null && !line.equals(CopyUntilKilled.MARKER)) {
                    output.append(line).append('\n');
                }
                assertThat(line).as("the child's output:\n%s", output).isEqualTo(CopyUntilKilled.MARKER);
                child.destroyForcibly();
                child.waitFor();
            }

            assertThat(CopyTestData.readAll(target)).isEqualTo(before);
            assertThat(CopyTestData.replacing(source, target).run().verified()).isTrue();
            assertThat(CopyTestData.readAll(target))
                    .isEqualTo(CopyTestData.withSessionsFrom(CopyTestData.readAll(source), CopyTestData.COPIED_AT));
        }
    }
}
