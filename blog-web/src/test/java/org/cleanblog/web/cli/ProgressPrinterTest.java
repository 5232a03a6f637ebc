package org.cleanblog.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.cleanblog.persistence.copy.Reject;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void shouldRedrawOneBarWithRateAndTimeLeftWhenOnATerminal() {
        ProgressPrinter printer = new ProgressPrinter(out, true, nanos::get);

        printer.tableStarted("comments", 1000);
        nanos.set(2_000_000_000L);
        printer.rowsRead("comments", 500, 1000);
        nanos.set(4_000_000_000L);
        printer.tableFinished("comments", 1000, 1000);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("\r\033[Kcomments           [###############...............] 500/1000  250 rows/s, 0:02 left")
                .endsWith("\r\033[Kcomments           [##############################] 1000/1000  1000 rows written of"
                        + " 1000 read in 4.0 s\n");
        assertThat(printed.chars().filter(c -> c == '\n'))
                .as("one line a table")
                .hasSize(1);
    }

    @Test
    void shouldPrintPlainLinesEveryFewSecondsWhenNotOnATerminal() {
        ProgressPrinter printer = new ProgressPrinter(out, false, nanos::get);

        printer.tableStarted("comments", 1000);
        nanos.set(1_000_000_000L);
        printer.rowsRead("comments", 100, 1000);
        nanos.set(6_000_000_000L);
        printer.rowsRead("comments", 600, 1000);
        printer.rejected(new Reject("comments", 7L, "post_id is NULL"));
        nanos.set(8_000_000_000L);
        printer.tableFinished("comments", 1000, 999);

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "comments: copying 1000 rows",
                        "comments: 600 of 1000 rows (60%), 100 rows/s, 0:04 left",
                        "rejected: comments id 7: post_id is NULL",
                        "comments: 999 rows written of 1000 read in 8.0 s");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
    }

    @Test
    void shouldSayATableIsBeingFinishedOnItsOwnLine() {
        ProgressPrinter printer = new ProgressPrinter(out, false, nanos::get);

        printer.tableStarted("comments", 10);
        printer.tableFinishing("comments");
        printer.tableFinished("comments", 10, 10);

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "comments: copying 10 rows",
                        "comments: all rows sent, the target is finishing the table",
                        "comments: 10 rows written of 10 read in 0.0 s");
    }

    @Test
    void shouldSayRowInTheSingularForOneRow() {
        ProgressPrinter printer = new ProgressPrinter(out, false, nanos::get);

        printer.tableStarted("users", 1);
        printer.tableFinished("users", 1, 1);

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("users: copying 1 row", "users: 1 row written of 1 read in 0.0 s");
        assertThat(ProgressPrinter.rows(0)).isEqualTo("0 rows");
        assertThat(ProgressPrinter.rows(2)).isEqualTo("2 rows");
    }

    @Test
    void shouldCountOnlyTerminalDevicesAsATerminal() {
        assertThat(ProgressPrinter.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(ProgressPrinter.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(ProgressPrinter.isTerminalDevice("/tmp/copy.log")).isFalse();
        assertThat(ProgressPrinter.isTerminalDevice("pipe:[12345]")).isFalse();
        assertThat(ProgressPrinter.isTerminalDevice("/dev/null")).isFalse();
    }

    @Test
    void shouldEscapeWhatARejectedRowQuotesEvenOnATerminal() {
        ProgressPrinter printer = new ProgressPrinter(out, true, nanos::get);

        printer.rejected(new Reject("users", 3L, "email '\u001b]0;PWNED\u0007\u001b[2J' is not an e-mail address"));

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r\033[Krejected: users id 3: email '\\u001B]0;PWNED\\u0007\\u001B[2J' is not an e-mail"
                        + " address\n");
    }

    @Test
    void shouldEscapeControlAndBidiCharactersAndKeepEverythingElse() {
        assertThat(TerminalText.escape("a\tb\nc\rd\u007f\u0085\u009b\u202e\u2066\u200f\u2028 Zoë 🦊 <ok>"))
                .isEqualTo("a\\tb\\nc\\rd\\u007F\\u0085\\u009B\\u202E\\u2066\\u200F\\u2028 Zoë 🦊 <ok>");
        assertThat(TerminalText.escape("plain")).isEqualTo("plain");
        assertThat(TerminalText.escapeLines("first\u001b[2J\nsecond\n"))
                .isEqualTo("first\\u001B[2J" + System.lineSeparator() + "second");
    }
}
