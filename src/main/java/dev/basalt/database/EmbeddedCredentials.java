package dev.basalt.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded PostgreSQL closed to other local users: the data directory is 0700, the superuser has a
 * random password kept in {@code <dir>/pg.password} (0600), and {@code pg_hba.conf} asks for it
 * (scram-sha-256) on every connection, TCP and Unix socket alike. A data directory created by an older Basalt,
 * whose {@code pg_hba.conf} trusts every local connection, is converted on its first start.
 */
final class EmbeddedCredentials {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);
    static final String PASSWORD_FILE = "pg.password";
    /** Random bytes behind the password: 192 bits, far beyond guessing. */
    private static final int PASSWORD_BYTES = 24;
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** An auth method column of {@code trust} at the end of a pg_hba.conf entry. */
    private static final Pattern TRUST = Pattern.compile("\\btrust\\s*$");

    private final Path dataDir;

    EmbeddedCredentials(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Creates the data directory 0700, or narrows an existing one to 0700. A directory owned by another user (a
     * container image's volume, which image builders such as Jib can only give to root) is left as it is, since
     * only its owner may change its mode: what matters in it stays private anyway (PostgreSQL's {@code pg/} is
     * 0700, the password file 0600).
     */
    void protectDataDirectory() {
        try {
            if (!Files.exists(dataDir)) {
                Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } else if (!Files.getPosixFilePermissions(dataDir).equals(OWNER_ONLY_DIR)) {
                try {
                    Files.setPosixFilePermissions(dataDir, OWNER_ONLY_DIR);
                    log.info("Restricted the data directory {} to its owner (0700)", dataDir);
                } catch (FileSystemException notOwner) {
                    log.info("The data directory {} belongs to another user; its mode is left as it is", dataDir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create or protect the data directory " + dataDir, e);
        }
    }

    Path passwordFile() {
        return dataDir.resolve(PASSWORD_FILE);
    }

    /** The superuser password, created (0600) on first use. */
    String password() {
        Path file = passwordFile();
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[PASSWORD_BYTES];
                new SecureRandom().nextBytes(random);
                String password = java.util.HexFormat.of().formatHex(random);
                Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)),
                        password);
                return password;
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the database password file " + file, e);
        }
    }

    /** True when {@code pg_hba.conf} still lets some connection in without a password. */
    static boolean trustsConnections(Path pgDir) {
        return hbaEntries(pgDir).stream().anyMatch(line -> TRUST.matcher(line).find());
    }

    /**
     * Converts a data directory that trusts local connections: gives the superuser the password (while trust
     * still lets us in), switches every {@code trust} entry to scram-sha-256 and reloads the server's config.
     */
    void requirePassword(Path pgDir, String jdbcUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            // ALTER ROLE takes no bind parameters; the password is hex digits we generated, so quoting is safe.
            s.execute("ALTER ROLE \"" + user + "\" PASSWORD '" + hexOnly(password) + "'");
            Path hba = pgDir.resolve("pg_hba.conf");
            List<String> lines = Files.readAllLines(hba);
            Files.write(hba, lines.stream().map(EmbeddedCredentials::withoutTrust).collect(Collectors.toList()));
            s.execute("SELECT pg_reload_conf()");
            log.info("The embedded PostgreSQL now requires the password in {} (it trusted local connections)",
                    passwordFile());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not make the embedded PostgreSQL require a password", e);
        }
    }

    private static String withoutTrust(String line) {
        String entry = line.strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
            return line;
        }
        return TRUST.matcher(line).replaceFirst("scram-sha-256");
    }

    private static List<String> hbaEntries(Path pgDir) {
        try {
            return Files.readAllLines(pgDir.resolve("pg_hba.conf")).stream()
                    .filter(l -> !l.strip().isEmpty() && !l.strip().startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pgDir.resolve("pg_hba.conf"), e);
        }
    }

    private static String hexOnly(String password) {
        if (!password.matches("[0-9a-zA-Z]+")) {
            throw new IllegalStateException(PASSWORD_FILE + " must hold only letters and digits");
        }
        return password;
    }
}
