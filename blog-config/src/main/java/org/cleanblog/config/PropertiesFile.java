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
import java.util.List;
import java.util.Optional;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.io.FileHandler;

/**
 * The optional properties file: {@code BLOG_CONFIG_FILE}, else {@code blog.properties} in the working directory when
 * present. Java properties syntax, UTF-8, keys are the property names ({@code blog.database.url}); includes are off so
 * the file is exactly what it shows.
 */
final class PropertiesFile {
    static final String DEFAULT_NAME = "blog.properties";
    private static final String EXPECTED = "expected a UTF-8 properties file with keys such as blog.database.url";

    private final PropertiesConfiguration configuration;
    private final List<String> warnings;

    private PropertiesFile(PropertiesConfiguration configuration, List<String> warnings) {
        this.configuration = configuration;
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
     * Reads {@code path}. The file is loaded through a {@link FileHandler} rather than a
     * {@code FileBasedConfigurationBuilder}: the builder's bean introspection logs a spurious INFO line about
     * {@code setProperty} at every start, and it offers nothing a single, never reloaded file needs.
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
        PropertiesConfiguration configuration = new PropertiesConfiguration();
        configuration.setIncludesAllowed(false);
        try {
            // Windows editors start UTF-8 files with a byte order mark, which would otherwise prefix the first key.
            new FileHandler(configuration).load(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (org.apache.commons.configuration2.ex.ConfigurationException | RuntimeException e) {
            throw new ConfigurationException(
                    variable, subject + "cannot be read: " + rootMessage(e) + " (" + EXPECTED + ")", e);
        }
        configuration.setInterpolator(null);
        List<String> warnings = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        configuration.getKeys().forEachRemaining(keys::add);
        for (String key : keys) {
            Optional<ConfigKey> known = ConfigKey.byFileKey(key);
            if (known.isEmpty() || known.get() == ConfigKey.BLOG_CONFIG_FILE) {
                warnings.add(unknownKey(path, key));
                configuration.clearProperty(key);
            } else if (configuration.getProperty(key).toString().isBlank()) {
                configuration.clearProperty(key);
            }
        }
        return new PropertiesFile(configuration, List.copyOf(warnings));
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

    /** The innermost Commons Configuration message: the outer ones only say that loading failed. */
    private static String rootMessage(Throwable error) {
        Throwable chosen = error;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().startsWith("org.apache.commons.configuration2.")
                    && cause.getMessage() != null) {
                chosen = cause;
            }
        }
        String message = chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage();
        return message.strip().replaceAll("[.\\s]+$", "");
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

    PropertiesConfiguration configuration() {
        return configuration;
    }

    List<String> warnings() {
        return warnings;
    }
}
