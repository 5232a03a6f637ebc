package org.cleanblog.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.session.Configuration;
import org.cleanblog.persistence.Dialect;
import org.junit.jupiter.api.Test;

/** Both dialects expose the same statements, and each statement id is the name of a mapper method. */
class StatementParityTest {
    @Test
    void shouldExposeTheSameStatementIdsOnBothDialects() {
        Set<String> sqlite = statementIds(Dialect.SQLITE);
        Set<String> postgresql = statementIds(Dialect.POSTGRESQL);

        assertThat(sqlite).isNotEmpty().isEqualTo(postgresql);
    }

    @Test
    void shouldHaveOneStatementPerMapperMethodNamedAfterIt() {
        Set<String> methods = new TreeSet<>();
        for (Class<?> mapper : MyBatisSessions.MAPPERS) {
            for (Method method : mapper.getDeclaredMethods()) {
                methods.add(mapper.getName() + "." + method.getName());
            }
        }

        for (Dialect dialect : Dialect.values()) {
            assertThat(statementIds(dialect)).as(dialect.id()).isEqualTo(methods);
        }
    }

    @Test
    void shouldUseTheDialectsTwinWhereTheSqlDiffers() {
        String lock = "org.cleanblog.persistence.internal.mapper.UserMapper.lockUserCreation";

        assertThat(sql(Dialect.POSTGRESQL, lock)).contains("FOR UPDATE");
        assertThat(sql(Dialect.SQLITE, lock)).doesNotContain("FOR UPDATE");
    }

    private static Set<String> statementIds(Dialect dialect) {
        // MyBatis also registers every statement under its short name ("insert"); the qualified ids are the real ones.
        return configuration(dialect).getMappedStatementNames().stream()
                .filter(name -> name.contains("."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String sql(Dialect dialect, String id) {
        return configuration(dialect).getMappedStatement(id).getBoundSql(null).getSql();
    }

    private static Configuration configuration(Dialect dialect) {
        // Building the configuration parses every mapper XML but opens no connection.
        return MyBatisSessions.factory(new UnpooledDataSource(), dialect).getConfiguration();
    }

    @Test
    void shouldListEveryMapperInterfaceOfTheMapperPackage() {
        assertThat(MyBatisSessions.MAPPERS)
                .extracting(Class::getSimpleName)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.asList("UserMapper", "PostMapper", "CommentMapper", "ContactMessageMapper"));
    }
}
