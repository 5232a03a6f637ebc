package org.cleanblog.persistence;

class SqliteCommentRepositoryTest extends CommentRepositoryContract {
    SqliteCommentRepositoryTest() {
        super(Dialect.SQLITE);
    }
}
