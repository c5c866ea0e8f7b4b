package dev.basalt.database;

/** Where Basalt's PostgreSQL is: an external server, or an embedded one this process started or attached to. */
public interface DatabaseServer extends AutoCloseable {

    /** JDBC URL of the database Basalt uses. */
    String jdbcUrl();

    String user();

    String password();

    /** Stops an embedded server this process started; does nothing for external or attached servers. */
    @Override
    void close();
}
