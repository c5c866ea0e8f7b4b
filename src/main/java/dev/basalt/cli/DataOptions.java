package dev.basalt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that touches the database shares. */
final class DataOptions {
    /** The data directory when neither --dir nor BASALT_DIR is given. */
    static final String DEFAULT_DIR = "basalt_data";

    @Option(names = "--dir", paramLabel = "PATH", description = "Data directory (default: ./basalt_data)")
    String dir;

    @Option(names = "--encryptionEnv", paramLabel = "NAME",
            description = "Environment variable holding the 32-character key that encrypts the stored secrets "
                    + "(default: BASALT_ENCRYPTION_KEY when set; none: stored plain)")
    String encryptionEnv;

    @Option(names = "--debug", description = "Print stack traces and Spring's full report when the start fails")
    boolean debug;

    /** Spring arguments for these options. */
    List<String> springArgs() {
        List<String> args = new ArrayList<>();
        if (dir != null) {
            args.add("--basalt.dir=" + dir);
        }
        if (encryptionEnv != null) {
            // The variable's name, never the key: arguments are visible to other users of the machine.
            args.add("--basalt.encryption-env=" + encryptionEnv);
        }
        return args;
    }

    /** Spring arguments that leave a failed start to {@link StartFailureReporter}'s one line, unless --debug. */
    List<String> failureArgs() {
        List<String> args = new ArrayList<>();
        if (!debug) {
            for (String logger : StartFailureReporter.QUIET_LOGGERS) {
                args.add("--logging.level." + logger + "=OFF");
            }
        }
        return args;
    }

    /** The data directory this run uses: --dir, else BASALT_DIR, else ./basalt_data. */
    Path dataDir() {
        String fromEnv = System.getenv("BASALT_DIR");
        return Path.of(dir != null ? dir : fromEnv != null && !fromEnv.isBlank() ? fromEnv : DEFAULT_DIR);
    }

    /** True when this run will use the embedded PostgreSQL. */
    static boolean embedded() {
        String url = System.getenv("BASALT_DB_URL");
        return url == null || url.isBlank();
    }
}
