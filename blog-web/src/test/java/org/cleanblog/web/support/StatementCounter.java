package org.cleanblog.web.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Counts the SQL statements run through a DataSource, at the JDBC level: every {@code execute*} call on a
 * {@link Statement}, {@code PreparedStatement} or {@code CallableStatement} obtained from a connection of
 * {@link #wrap wrapped} DataSource is one statement, whatever runs it (MyBatis, Flyway, the library's own JDBC). Rows
 * fetched from a result set are not statements. Thread-safe: the server's threads run the statements, the test reads
 * the count once the response is in.
 */
public final class StatementCounter {
    private final Queue<String> statements = new ConcurrentLinkedQueue<>();

    /** {@code target} behind a proxy whose connections and statements report here; everything else is delegated. */
    public DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> {
            if (result instanceof Connection connection) {
                return connection(connection);
            }
            return result;
        });
    }

    /**
     * Runs {@code work} and returns its result with the statements run meanwhile, in order, each as its SQL with white
     * space collapsed. Meant for one request at a time: statements of other threads running meanwhile count too.
     */
    public <T> Counted<T> during(Supplier<T> work) {
        statements.clear();
        T result = work.get();
        return new Counted<>(result, List.copyOf(statements));
    }

    /** What some work returned, and the SQL statements it ran. */
    public record Counted<T>(T result, List<String> statements) {}

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args, result) -> {
            if (result instanceof Statement statement) {
                String sql = method.getName().startsWith("prepare") ? (String) args[0] : null;
                return statement(method.getReturnType().asSubclass(Statement.class), statement, sql);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, Statement target, String preparedSql) {
        return proxy(type, type.cast(target), (method, args, result) -> result, (method, args) -> {
            if (method.getName().startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                statements.add(sql == null ? "(batch)" : sql.strip().replaceAll("\\s+", " "));
            }
        });
    }

    /** What a proxy does with the result of a delegated call: wrap it, or hand it back. */
    private interface Result {
        Object apply(Method method, Object[] args, Object result);
    }

    /** What a proxy notes before it delegates a call. */
    private interface Before {
        void accept(Method method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, T target, Result result) {
        return proxy(type, target, result, (method, args) -> {});
    }

    private static <T> T proxy(Class<T> type, T target, Result result, Before before) {
        InvocationHandler handler = (proxy, method, args) -> {
            before.accept(method, args);
            try {
                return result.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
