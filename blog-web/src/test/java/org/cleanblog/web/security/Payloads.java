package org.cleanblog.web.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The XSS payloads of {@code xss-payloads.txt} beside this class, with its escapes (\t, \n, \r, \0) resolved. */
final class Payloads {
    private Payloads() {}

    static List<String> xss() {
        try (InputStream in = Payloads.class.getResourceAsStream("xss-payloads.txt")) {
            if (in == null) {
                throw new IllegalStateException("xss-payloads.txt is missing beside " + Payloads.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(Payloads::unescape)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unescape(String line) {
        return line.replace("\\t", "\t")
                .replace("\\n", "\n")
                .replace("\\r", "\r")
                .replace("\\0", "\0");
    }
}
