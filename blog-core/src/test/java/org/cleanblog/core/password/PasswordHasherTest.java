package org.cleanblog.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
    private static final PasswordHasher HASHER = PasswordHasher.standard();

    /*
     * Made outside our code, with Python's standard library (what Werkzeug stores is exactly this):
     *   python3 -c 'import hashlib; print(hashlib.pbkdf2_hmac("sha256", PW.encode(), SALT.encode(), N).hex())'
     * The first row is the tutorial fixture's owner (shared/fixtures/flask-tutorial/rows.sql).
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "owner-password|pbkdf2:sha256:260000$lYM3b5fN$6bfe4c3edce2dafe90c6d2a83f8fd875a96cacd4decf121d7e80cba8d22d94d4",
                "reader-password|pbkdf2:sha256:260000$nVIKBDT3$0150becd53cfc7c80198a7bc392edff1cc3c8f5c38851e904bd34db9b69c38c6",
                "correct horse battery staple|pbkdf2:sha256:600000$x9Qz1LmP0aB7cD3e$df76f8c982e46d60bfd0bf0d63419fe9240a0feb993ec4ad96f3758bba2f6b86",
                "pässwörd ✓ 🔑|pbkdf2:sha256:600000$AbCdEfGhIjKlMnOp$b2185c20aa62b6a4a4eb28655396316e823410e1e8c637142f7cd33deedc3727"
            })
    void shouldVerifyHashesMadeByPythonsPbkdf2(String password, String hash) {
        assertThat(HASHER.verify(password, hash)).isTrue();
        assertThat(HASHER.verify(password + "x", hash)).isFalse();
        assertThat(HASHER.verify(password.toUpperCase(), hash)).isFalse();
    }

    @Test
    void shouldAskForRehashOfWeakerHashesOnly() {
        assertThat(
                        HASHER.needsRehash(
                                "pbkdf2:sha256:260000$lYM3b5fN$6bfe4c3edce2dafe90c6d2a83f8fd875a96cacd4decf121d7e80cba8d22d94d4"))
                .isTrue();
        assertThat(
                        HASHER.needsRehash(
                                "pbkdf2:sha256:600000$x9Qz1LmP0aB7cD3e$df76f8c982e46d60bfd0bf0d63419fe9240a0feb993ec4ad96f3758bba2f6b86"))
                .isFalse();
        assertThat(HASHER.needsRehash("scrypt:32768:8:1$abc$def")).isTrue();
    }

    @Test
    void shouldMakeWerkzeugFormattedHashesWithSixHundredThousandIterationsAndRandomSalt() {
        String first = HASHER.hash("s3cret-password");
        String second = HASHER.hash("s3cret-password");

        assertThat(first).matches("pbkdf2:sha256:600000\\$[A-Za-z0-9]{16}\\$[0-9a-f]{64}");
        assertThat(first).isNotEqualTo(second);
        assertThat(HASHER.verify("s3cret-password", first)).isTrue();
        assertThat(HASHER.verify("s3cret-passwore", first)).isFalse();
        assertThat(HASHER.needsRehash(first)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain",
                "pbkdf2:sha256",
                "pbkdf2:sha256:abc$salt$00",
                "pbkdf2:sha256:0$salt$6bfe4c3edce2dafe90c6d2a83f8fd875a96cacd4decf121d7e80cba8d22d94d4",
                "pbkdf2:sha256:1000$$6bfe4c3edce2dafe90c6d2a83f8fd875a96cacd4decf121d7e80cba8d22d94d4",
                "pbkdf2:sha256:1000$salt$zz",
                "pbkdf2:sha1:1000$salt$6bfe4c3edce2dafe90c6d2a83f8fd875a96cacd4decf121d7e80cba8d22d94d4",
                "pbkdf2:sha256:1000$salt$6bfe4c3edce2dafe90c6d2a83f8fd875a96cacd4decf121d7e80cba8d22d94d4$extra"
            })
    void shouldRejectMalformedHashesWithoutThrowing(String hash) {
        assertThat(HASHER.verify("anything", hash)).isFalse();
        assertThat(HASHER.needsRehash(hash)).isTrue();
    }

    @Test
    void shouldRejectNullInputs() {
        assertThat(HASHER.verify(null, "pbkdf2:sha256:1$a$00")).isFalse();
        assertThat(HASHER.verify("x", null)).isFalse();
    }

    @Test
    void shouldRefuseWithoutHashingAHashCostlierThanTheCap() {
        String key = "0".repeat(64);
        String atCap = "pbkdf2:sha256:" + PasswordHasher.MAX_ITERATIONS + "$salt$" + key;
        String overCap = "pbkdf2:sha256:100000000$salt$" + key;

        assertThat(PasswordHasher.isSupportedHash(atCap)).isTrue();
        assertThat(PasswordHasher.isSupportedHash(overCap)).isFalse();
        assertThat(HASHER.verify("anything", overCap)).isFalse();
        assertThat(PasswordHasher.problem(overCap))
                .hasValue("password hash has 100000000 iterations, more than the 1200000 this blog verifies"
                        + " (each login attempt would cost that much)");
        assertThat(PasswordHasher.problem(atCap)).isEmpty();
        assertThat(PasswordHasher.problem("scrypt:32768:8:1$abc$def"))
                .get()
                .asString()
                .contains("scrypt");
        assertThat(PasswordHasher.problem(null)).hasValue("password hash is missing");
    }

    @Test
    void shouldNotMakeHashesItWouldRefuseToVerify() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> PasswordHasher.withIterations(PasswordHasher.MAX_ITERATIONS + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
