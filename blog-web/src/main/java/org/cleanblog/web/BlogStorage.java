package org.cleanblog.web;

import java.util.function.BooleanSupplier;
import org.cleanblog.core.BlogRepositories;
import org.cleanblog.core.Transactions;
import org.cleanblog.core.content.ContentVersion;
import org.cleanblog.core.throttle.ThrottleStore;

/**
 * What the web layer needs of a database: the repositories, transactions over several of them, a cheap check that
 * the database answers (for {@code /healthz}), the throttles' buckets shared by every instance (ADR 0030), and the
 * content version that tells when the pages kept in memory are out of date (ADR 0034). The web layer sees only these
 * blog-core interfaces.
 */
public record BlogStorage(
        BlogRepositories repositories,
        Transactions transactions,
        BooleanSupplier reachable,
        ThrottleStore throttles,
        ContentVersion contentVersion) {}
