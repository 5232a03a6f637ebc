/**
 * Resolves the blog's configuration from system properties, environment variables, an optional properties file and
 * built-in defaults (first found wins), the way platforms such as Heroku provide it, into immutable typed settings.
 * This module knows no persistence type: it hands over a JDBC URL, credentials and a dialect name.
 *
 * <h2>Usage</h2>
 *
 * <pre>{@code
 * BlogConfiguration configuration;
 * try {
 *     configuration = BlogConfiguration.fromSystem(); // or load(env, properties, workingDirectory) in tests
 * } catch (ConfigurationException e) {
 *     System.err.println(e.getMessage()); // one line, names the variable, never a password
 *     System.exit(2);                     // the library itself never exits
 *     return;
 * }
 * BlogSettings settings = configuration.settings();
 * DatabaseSettings database = settings.database();
 * hikari.setJdbcUrl(database.jdbcUrl());          // never contains the user or password
 * database.user().ifPresent(hikari::setUsername);
 * database.password().ifPresent(hikari::setPassword);
 * String dialect = database.dialect();            // "sqlite" or "postgresql"
 * server.listen(settings.bindHost(), settings.port());
 * byte[] signingKey = settings.secretKeys().currentBytes();
 * List<byte[]> verificationKeys = settings.secretKeys().verificationKeys();
 * boolean believeForwardedFor = settings.trustedProxies().trusts(peerAddress);
 *
 * // the `config` command
 * System.out.print(configuration.render());
 * }</pre>
 *
 * <p>{@link org.cleanblog.config.DatabaseUrl#parse} resolves a single URL on its own, for example the
 * {@code --from} and {@code --to} options of {@code copy-db}.
 *
 * <p>Warnings (a random development key, SQLite on Heroku, unknown keys in the file) are returned by
 * {@link org.cleanblog.config.BlogConfiguration#warnings()} and logged at WARN level through Commons Logging, which
 * reaches SLF4J (and so Logback) without a bridge. Every setting and rule is documented in
 * {@code docs/configuration.md}.
 */
package org.cleanblog.config;
