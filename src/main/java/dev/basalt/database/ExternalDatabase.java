package dev.basalt.database;

/** A PostgreSQL server Basalt does not manage, given by {@code BASALT_DB_URL}. */
record ExternalDatabase(String jdbcUrl, String user, String password) implements DatabaseServer {
    @Override
    public void close() {
    }
}
