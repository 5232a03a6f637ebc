package org.cleanblog.persistence.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.internal.mapper.CommentMapper;
import org.cleanblog.persistence.internal.mapper.ContactMessageMapper;
import org.cleanblog.persistence.internal.mapper.PostMapper;
import org.cleanblog.persistence.internal.mapper.UserMapper;

/** Builds the MyBatis configuration of one database: its dialect's statements, the Instant mapping, the mappers. */
final class MyBatisSessions {
    /** Every mapper; their XML sits beside them on the same resource path. */
    public static final List<Class<?>> MAPPERS =
            List.of(UserMapper.class, PostMapper.class, CommentMapper.class, ContactMessageMapper.class);

    private MyBatisSessions() {}

    /**
     * {@link #factory} on a thread of its own, so that the caller can do other work meanwhile: parsing the mappers' XML
     * takes about a tenth of a second of CPU and needs no database. The thread has the caller's context class loader,
     * as the parsing would on the caller's thread.
     */
    public static CompletableFuture<SqlSessionFactory> factoryInBackground(DataSource dataSource, Dialect dialect) {
        CompletableFuture<SqlSessionFactory> result = new CompletableFuture<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Thread parser = new Thread(
                () -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    try {
                        result.complete(factory(dataSource, dialect));
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                "clean-blog-mappers");
        parser.setDaemon(true);
        parser.start();
        return result;
    }

    /** Waits for {@link #factoryInBackground}; what it threw is thrown here, unwrapped. */
    public static SqlSessionFactory await(CompletableFuture<SqlSessionFactory> factory) {
        try {
            return factory.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A thread-safe session factory on {@code dataSource} whose statements are those of {@code dialect}. */
    public static SqlSessionFactory factory(DataSource dataSource, Dialect dialect) {
        Configuration configuration =
                new Configuration(new Environment("clean-blog", new JdbcTransactionFactory(), dataSource));
        // Before any mapper is added: the XML parser keeps only the statements of this databaseId (and shared ones).
        configuration.setDatabaseId(dialect.id());
        // No result is served from a cache: another connection may have changed the row since.
        configuration.setCacheEnabled(false);
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.getTypeHandlerRegistry().register(Instant.class, new InstantTypeHandler(dialect));
        MAPPERS.forEach(configuration::addMapper);
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
