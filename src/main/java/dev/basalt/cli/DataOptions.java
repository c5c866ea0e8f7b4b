package dev.basalt.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that touches the database shares. */
final class DataOptions {
    @Option(names = "--dir", paramLabel = "PATH", description = "Data directory (default: ./basalt_data)")
    String dir;

    @Option(names = "--encryptionEnv", paramLabel = "NAME",
            description = "Environment variable holding the 32-character key that encrypts the stored secrets "
                    + "(default: BASALT_ENCRYPTION_KEY when set; none: stored plain)")
    String encryptionEnv;

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

    /** True when this run will use the embedded PostgreSQL. */
    static boolean embedded() {
        String url = System.getenv("BASALT_DB_URL");
        return url == null || url.isBlank();
    }
}
