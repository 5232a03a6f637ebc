package org.cleanblog.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The optional properties file: {@code BLOG_CONFIG_FILE}, else {@code blog.properties} in the working directory when
 * present. Java properties syntax, UTF-8 (checked, so a Latin-1 file is an error rather than mojibake), keys are the
 * property names ({@code blog.database.url}).
 */
final class PropertiesFile {
    static final String DEFAULT_NAME = "blog.properties";
    private static final String EXPECTED = "expected a UTF-8 properties file with keys such as blog.database.url";

    private final Map<String, String> values;
    private final List<String> warnings;

    private PropertiesFile(Map<String, String> values, List<String> warnings) {
        this.values = values;
        this.warnings = warnings;
    }

    /**
     * The file to read: the named one, which must exist, or {@code blog.properties} in the working directory when it is
     * there, or none.
     */
    static Optional<Path> locate(Optional<String> named, Path workingDirectory) {
        if (named.isPresent()) {
            Path path = workingDirectory
                    .resolve(named.get().strip())
                    .toAbsolutePath()
                    .normalize();
            if (!Files.exists(path)) {
                throw new ConfigurationException(
                        "BLOG_CONFIG_FILE", "file '" + path + "' does not exist (" + EXPECTED + ", or unset it)");
            }
            return Optional.of(path);
        }
        Path implicit = workingDirectory.resolve(DEFAULT_NAME).toAbsolutePath().normalize();
        return Files.exists(implicit) ? Optional.of(implicit) : Optional.empty();
    }

    /**
     * Reads {@code path} with {@link Properties#load(java.io.Reader)}: Java properties syntax, the last of a repeated
     * key wins, no includes and no interpolation, so the file means exactly what it shows.
     *
     * @param named whether {@code BLOG_CONFIG_FILE} named the file (else it is the implicit {@code blog.properties})
     */
    static PropertiesFile load(Path path, boolean named) {
        String variable = named ? ConfigKey.BLOG_CONFIG_FILE.environmentName() : path.toString();
        String subject = named ? "file '" + path + "' " : "";
        if (!Files.isRegularFile(path)) {
            throw new ConfigurationException(variable, subject + "is not a regular file (" + EXPECTED + ")");
        }
        String text = readUtf8(variable, subject, path);
        Properties properties = new Properties();
        try {
            // Windows editors start UTF-8 files with a byte order mark, which would otherwise prefix the first key.
            properties.load(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (IOException | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ConfigurationException(
                    variable,
                    subject + "cannot be read: " + reason.strip().replaceAll("[.\\s]+$", "") + " (" + EXPECTED + ")",
                    e);
        }
        Map<String, String> values = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        // Sorted, because Properties keeps no order and the warnings should read the same at every start.
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            Optional<ConfigKey> known = ConfigKey.byFileKey(key);
            String value = properties.getProperty(key);
            Optional<RetiredKey> retired = RetiredKey.byFileKey(key);
            if (retired.isPresent() && !value.isBlank()) {
                throw retired.get().refusal(key + " in file " + path);
            }
            if (known.isEmpty() || known.get() == ConfigKey.BLOG_CONFIG_FILE) {
                warnings.add(unknownKey(path, key));
            } else if (!value.isBlank()) {
                values.put(key, value);
            }
        }
        return new PropertiesFile(Map.copyOf(values), List.copyOf(warnings));
    }

    private static String unknownKey(Path path, String key) {
        Optional<ConfigKey> byEnvironmentName = java.util.Arrays.stream(ConfigKey.values())
                .filter(candidate -> candidate.environmentName().equals(key))
                .findFirst();
        if (byEnvironmentName.isPresent()) {
            return "file " + path + ": key '" + key + "' ignored (file keys are property names: write "
                    + byEnvironmentName.get().fileKey() + ")";
        }
        if (key.equals(ConfigKey.BLOG_CONFIG_FILE.fileKey())) {
            return "file " + path + ": key '" + key + "' ignored (the file cannot name another file)";
        }
        return "file " + path + ": unknown key '" + key + "' ignored (see docs/configuration.md for the keys)";
    }

    private static String readUtf8(String variable, String subject, Path path) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(
                    variable, subject + "is not valid UTF-8 (save it as UTF-8; " + EXPECTED + ")", e);
        } catch (IOException e) {
            throw new ConfigurationException(
                    variable, subject + "cannot be read: " + e.getMessage() + " (check its permissions)", e);
        }
    }

    /** The known, non-blank keys of the file and their values. */
    Map<String, String> values() {
        return values;
    }

    List<String> warnings() {
        return warnings;
    }
}
