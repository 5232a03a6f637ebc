package org.cleanblog.core;

import java.util.function.Function;

/** Runs several repository operations as one unit. */
public interface Transactions {
    /**
     * Runs {@code work} in one transaction: it commits when {@code work} returns and rolls back, rethrowing, when it
     * throws. The repositories handed to {@code work} are valid only inside it.
     */
    <T> T inTransaction(Function<BlogRepositories, T> work);
}
