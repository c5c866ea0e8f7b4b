package dev.basalt.cluster;

import java.util.Map;

/**
 * Counts statements where every one starts, jOOQ's or plain JDBC's: a jOOQ connection provider whose connections
 * report the SQL each statement is prepared with.
 */
final class CountingConnections {
    private CountingConnections() {
    }

    /** A connection provider that reports the SQL of every statement prepared on its connections. */
    static org.jooq.ConnectionProvider provider(org.jooq.ConnectionProvider provider,
                                                java.util.function.Consumer<String> seen) {
        Map<java.sql.Connection, java.sql.Connection> originals = new java.util.concurrent.ConcurrentHashMap<>();
        return new org.jooq.ConnectionProvider() {
            @Override
            public java.sql.Connection acquire() {
                java.sql.Connection connection = provider.acquire();
                java.sql.Connection counted = (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(
                        java.sql.Connection.class.getClassLoader(), new Class<?>[] {java.sql.Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                                seen.accept(sql);
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
                originals.put(counted, connection);
                return counted;
            }

            @Override
            public void release(java.sql.Connection connection) {
                java.sql.Connection original = originals.remove(connection);
                provider.release(original == null ? connection : original);
            }
        };
    }
}
