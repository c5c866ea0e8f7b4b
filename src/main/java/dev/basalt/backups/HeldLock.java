package dev.basalt.backups;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection that holds the backups' advisory lock while a backup or restore runs. The lock is a session lock
 * and the connection goes back to the pool, so closing releases it explicitly first: a pooled session still holding
 * it would refuse every later backup taken on another session.
 */
record HeldLock(Connection connection, long key) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeldLock.class);

    /** Takes the lock on a connection of its own; null when another session holds it or the database fails. */
    static HeldLock take(DataSource dataSource, long key) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            Object got = DSL.using(connection, SQLDialect.POSTGRES)
                    .fetchValue("SELECT pg_try_advisory_lock({0})", DSL.val(key));
            if (Boolean.TRUE.equals(got)) {
                return new HeldLock(connection, key);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not take the backup lock: {}", e.getMessage());
        }
        closeQuietly(connection);
        return null;
    }

    @Override
    public void close() {
        try {
            DSL.using(connection, SQLDialect.POSTGRES).fetchValue("SELECT pg_advisory_unlock({0})", DSL.val(key));
        } catch (RuntimeException e) {
            LOG.warn("Could not release the backup lock: {}", e.getMessage());
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Could not close the lock connection: {}", e.getMessage());
            }
        }
    }
}
