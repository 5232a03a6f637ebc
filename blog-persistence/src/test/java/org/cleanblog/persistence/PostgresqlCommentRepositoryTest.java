package org.cleanblog.persistence;

class PostgresqlCommentRepositoryTest extends CommentRepositoryContract {
    PostgresqlCommentRepositoryTest() {
        super(Dialect.POSTGRESQL);
    }
}
