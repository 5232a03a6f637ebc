package org.cleanblog.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCodecTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00.123456789Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SessionCodec codec = new SessionCodec(List.of("current-key"), Duration.ofDays(14), clock);

    @Test
    void shouldReadBackWhatItSigned() {
        Session session = codec.newSession(42);

        var decoded = codec.decode(codec.encode(session)).orElseThrow();

        assertThat(decoded.session()).isEqualTo(session);
        assertThat(decoded.signedWithFallback()).isFalse();
        assertThat(session.issuedAt()).isEqualTo(Instant.parse("2026-11-26T12:00:00.123456Z"));
        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-12-10T12:00:00Z"));
    }

    @Test
    void shouldIssueNoEarlierThanTheUsersSessionsValidFromWhenAnotherClockRanAhead() {
        Instant logoutStoredByAFasterClock = NOW.plusSeconds(3);

        Session session = codec.newSession(42, logoutStoredByAFasterClock);
        Session ordinary = codec.newSession(42, NOW.minusSeconds(60));

        Instant roundedUp = Instant.parse("2026-11-26T12:00:03.123457Z");
        assertThat(session.issuedAt()).isEqualTo(roundedUp).isAfterOrEqualTo(logoutStoredByAFasterClock);
        assertThat(codec.decode(codec.encode(session)).orElseThrow().session().issuedAt())
                .isEqualTo(roundedUp);
        assertThat(ordinary.issuedAt()).isEqualTo(Instant.parse("2026-11-26T12:00:00.123456Z"));
    }

    @Test
    void shouldRefuseATamperedPayloadOrSignature() {
        String cookie = codec.encode(codec.newSession(42));
        String payload = cookie.substring(0, cookie.indexOf('.'));
        String signature = cookie.substring(cookie.indexOf('.') + 1);
        String forgedPayload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v2|abc|1|0|" + NOW.plusSeconds(3600).getEpochSecond()).getBytes());

        assertThat(codec.decode(forgedPayload + "." + signature)).isEmpty();
        assertThat(codec.decode(payload + "." + signature.substring(1))).isEmpty();
        assertThat(codec.decode(payload)).isEmpty();
        assertThat(codec.decode("")).isEmpty();
        assertThat(codec.decode(null)).isEmpty();
        assertThat(codec.decode("a.b.c")).isEmpty();
    }

    @Test
    void shouldRefuseAnExpiredSessionEvenWithAValidSignature() {
        String cookie = codec.encode(codec.newSession(7));
        SessionCodec later =
                new SessionCodec(List.of("current-key"), Duration.ofDays(14), Clock.offset(clock, Duration.ofDays(14)));

        assertThat(later.decode(cookie)).isEmpty();
    }

    @Test
    void shouldAcceptCookiesAndTokensOfAFallbackKeyAndFlagThemForResigning() {
        SessionCodec old = new SessionCodec(List.of("old-key"), Duration.ofDays(14), clock);
        SessionCodec rotated = new SessionCodec(List.of("new-key", "old-key"), Duration.ofDays(14), clock);
        Session session = old.newSession(3);

        var decoded = rotated.decode(old.encode(session)).orElseThrow();

        assertThat(decoded.signedWithFallback()).isTrue();
        assertThat(rotated.isValidCsrfToken(decoded.session(), old.csrfToken(session)))
                .isTrue();
        assertThat(new SessionCodec(List.of("new-key"), Duration.ofDays(14), clock).decode(old.encode(session)))
                .isEmpty();
    }

    @Test
    void shouldBindTheCsrfTokenToTheSession() {
        Session one = codec.newSession(0);
        Session two = codec.newSession(0);

        assertThat(codec.isValidCsrfToken(one, codec.csrfToken(one))).isTrue();
        assertThat(codec.isValidCsrfToken(one, codec.csrfToken(two))).isFalse();
        assertThat(codec.isValidCsrfToken(one, "")).isFalse();
        assertThat(codec.isValidCsrfToken(one, null)).isFalse();
        assertThat(one.id()).isNotEqualTo(two.id());
    }
}
