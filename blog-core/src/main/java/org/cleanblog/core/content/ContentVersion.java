package org.cleanblog.core.content;

/**
 * The version of what the blog's pages show (ADR 0034): a number kept in the database that changes whenever a user, a
 * post or a comment is inserted, updated or deleted, whoever writes it (this process, another instance on the same
 * database, a copy, a hand edit), and that becomes visible together with the change it marks. A process that keeps
 * pages in memory reads it now and then and drops what it kept when the number differs from the one it saw before.
 *
 * <p>Implementations are thread-safe.
 */
public interface ContentVersion {
    /**
     * The version as the database holds it now: one cheap statement. Compare it for equality only; the number says
     * nothing about how many writes happened.
     *
     * @throws org.cleanblog.core.StorageException when the database cannot be reached
     */
    long readContentVersion();

    /**
     * Registers {@code listener} to run after each write of this process that may change what pages show, as soon as
     * it committed (or failed), on the writing thread and before the repository call returns: so that the writer's
     * next page is fresh without waiting for the next {@link #readContentVersion}. Writes of other processes are seen only through
     * {@link #readContentVersion}. The listener must be quick and must not throw.
     *
     * @throws NullPointerException when {@code listener} is null
     */
    void whenContentWrittenHere(Runnable listener);
}
