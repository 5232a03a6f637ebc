package org.cleanblog.persistence;

class SqliteTransactionTest extends TransactionContract {
    SqliteTransactionTest() {
        super(Dialect.SQLITE);
    }
}
