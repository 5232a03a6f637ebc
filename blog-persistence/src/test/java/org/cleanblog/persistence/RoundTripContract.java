package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cleanblog.persistence.testing.Fixtures.PASSWORD_HASH;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.cleanblog.core.ConflictException;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.testing.DatabaseContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** What goes in comes back out unchanged, on each dialect: text of every kind, big bodies, instants, e-mail case. */
@Isolated("changes the JVM's default time zone")
abstract class RoundTripContract extends DatabaseContract {
    /**
     * Emoji (with a ZWJ sequence), right-to-left scripts, combining marks, CJK, and every control character that XML
     * (so the feeds) can carry: tab, line feed, carriage return, DEL, NEL. The others are refused (see below).
     */
    static final String AWKWARD_TEXT = "😀 👩‍💻 🇪🇺 שלום עולם مرحبا بالعالم e\u0301 中文 日本語 한국어 " + controlCharacters()
            + " \u2028\u2029\uFEFF 'quotes' \"double\" back\\slash %_ $1 #{x} ${y}";

    RoundTripContract(Dialect dialect) {
        super(dialect);
    }

    private static String controlCharacters() {
        StringBuilder controls = new StringBuilder();
        return controls.append("\t\n\r").append('\u007F').append('\u0085').toString();
    }

    @Test
    void shouldReadBackUnicodeAndControlCharactersUnchangedInEveryTextColumn() {
        User author = db.users().create(new NewUser(new Email("unicode@example.org"), "Zoë 🦊 نور", PASSWORD_HASH));
        Post post = db.posts()
                .create(
                        author.id(),
                        new PostContent(
                                "T " + AWKWARD_TEXT.substring(0, 60),
                                "S " + AWKWARD_TEXT.substring(0, 60),
                                "https://example.org/🖼.png",
                                AWKWARD_TEXT,
                                "<p>" + AWKWARD_TEXT + "</p>"));
        db.comments().create(new NewComment(post.id(), author.id(), "C " + AWKWARD_TEXT, AWKWARD_TEXT));

        Post read = db.posts().findById(post.id()).orElseThrow();
        assertThat(read).isEqualTo(post);
        assertThat(read.body()).isEqualTo(AWKWARD_TEXT);
        assertThat(read.authorName()).isEqualTo("Zoë 🦊 نور");
        assertThat(db.comments().findByPost(post.id()).get(0).bodyHtml()).isEqualTo(AWKWARD_TEXT);
        assertThat(db.users().findByEmail("UNICODE@example.org")).contains(author);
    }

    @Test
    void shouldRefuseTextThatFeedsCannotCarryNamingTheField() {
        User author = db.users().create(newUser("controls@example.org"));

        for (char c : new char[] {0, 1, 8, 0xB, 0xC, 0x1F}) {
            assertThatThrownBy(() ->
                            db.posts().create(author.id(), new PostContent("T" + c + "x", "", "", "b", "<p>b</p>")))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("title contains the control character U+00");
        }
        assertThatThrownBy(() -> db.comments().create(new NewComment(1, author.id(), "c", "<p>\uD800</p>")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("comment html contains the lone surrogate U+D800");
        assertThatThrownBy(() -> db.users().create(new NewUser(new Email("bell@example.org"), "Bell\u0007", "h")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("name contains the control character U+0007, which feeds cannot carry");
        assertThat(db.posts().count()).isZero();
    }

    @Test
    void shouldReadBackAOneMegabyteBodyUnchanged() {
        User author = db.users().create(newUser("big@example.org"));
        // Multi-byte characters, so that the body is well over 1 MB in UTF-8 as well.
        String body = "Ünïcødé ✓ 😀 line\n".repeat(1_048_576 / 18 + 1);
        assertThat(body.length()).isGreaterThan(1_048_576);

        Post post = db.posts().create(author.id(), new PostContent("Big", "", "", body, body));

        assertThat(db.posts().findById(post.id()).orElseThrow().body()).isEqualTo(body);
        try (Stream<Post> all = db.posts().streamAll()) {
            assertThat(all.findFirst().orElseThrow().bodyHtml()).isEqualTo(body);
        }
    }

    @Test
    void shouldReadBackTheSameInstantWhateverTimeZoneWroteOrReadsIt() {
        User author = db.users().create(newUser("zones@example.org"));
        TimeZone original = TimeZone.getDefault();
        List<Instant> written = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        try {
            for (String zone : List.of(
                    "UTC",
                    "America/Los_Angeles",
                    "Asia/Kolkata",
                    "Pacific/Chatham",
                    "Europe/Berlin",
                    "Pacific/Kiritimati")) {
                ZoneId zoneId = ZoneId.of(zone);
                TimeZone.setDefault(TimeZone.getTimeZone(zoneId));
                // Half past two on the night clocks jump in Europe: a wall time that does not exist in Berlin.
                Instant instant = LocalDateTime.of(2024, 3, 31, 2, 30, 0, 123_456_789)
                        .atZone(zoneId)
                        .toInstant();
                clock.set(instant);
                // A fresh pool, so that PostgreSQL sessions too start in this zone.
                try (BlogDatabase inZone = testDatabase.open(clock)) {
                    ids.add(inZone.posts()
                            .create(author.id(), new PostContent(zone, "", "", "b", "b"))
                            .id());
                }
                written.add(instant.truncatedTo(ChronoUnit.MICROS));
            }
            TimeZone.setDefault(TimeZone.getTimeZone("Australia/Lord_Howe"));
            try (BlogDatabase elsewhere = testDatabase.open(clock)) {
                List<Instant> read = ids.stream()
                        .map(id -> elsewhere.posts().findById(id).orElseThrow().createdAt())
                        .toList();
                assertThat(read).containsExactlyElementsOf(written);
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void shouldTruncateInstantsToMicrosecondsOnWrite() {
        clock.set(Instant.parse("2030-12-31T23:59:59.999999999Z"));

        User user = db.users().create(newUser("micro@example.org"));

        assertThat(user.createdAt()).isEqualTo(Instant.parse("2030-12-31T23:59:59.999999Z"));
        assertThat(db.users().findById(user.id()).orElseThrow().createdAt()).isEqualTo(user.createdAt());
    }

    @Test
    void shouldRejectEmailsThatDifferOnlyInCaseIncludingNonAsciiLetters() {
        db.users().create(newUser("Jürgen.Öz@Example.org"));

        assertThatThrownBy(() -> db.users().create(newUser("jürgen.öz@example.ORG")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("jürgen.öz@example.ORG");
        assertThat(db.users().findByEmail("JÜRGEN.ÖZ@EXAMPLE.ORG")).isPresent();
    }
}
