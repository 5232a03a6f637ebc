package org.cleanblog.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.cleanblog.persistence.Dialect;
import org.junit.jupiter.api.Test;

/** The mappers parsed on a thread of their own while the schema is checked (ADR 0036). */
class MyBatisSessionsTest {
    @Test
    void shouldParseInTheBackgroundWhatTheCallersThreadWould() {
        SqlSessionFactory background = MyBatisSessions.await(
                MyBatisSessions.factoryInBackground(new UnpooledDataSource(), Dialect.POSTGRESQL));
        SqlSessionFactory here = MyBatisSessions.factory(new UnpooledDataSource(), Dialect.POSTGRESQL);

        assertThat(background.getConfiguration().getDatabaseId()).isEqualTo("postgresql");
        assertThat(background.getConfiguration().getMappedStatementNames())
                .containsExactlyInAnyOrderElementsOf(here.getConfiguration().getMappedStatementNames());
    }

    @Test
    void shouldThrowWhatTheParsingThrewUnwrapped() {
        assertThatThrownBy(() -> MyBatisSessions.await(MyBatisSessions.factoryInBackground(null, Dialect.SQLITE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataSource");
    }
}
