package org.cleanblog.persistence.internal;

import java.time.Instant;
import java.util.List;
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
