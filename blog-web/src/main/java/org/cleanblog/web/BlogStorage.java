package org.cleanblog.web;

import java.util.function.BooleanSupplier;
import org.cleanblog.core.BlogRepositories;
import org.cleanblog.core.Transactions;

/**
 * What the web layer needs of a database: the repositories, transactions over several of them, and a cheap check that
 * the database answers (for {@code /healthz}). The web layer sees only these blog-core interfaces.
 */
public record BlogStorage(BlogRepositories repositories, Transactions transactions, BooleanSupplier reachable) {}
