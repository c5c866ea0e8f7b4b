package dev.basalt.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that touches the database shares. */
final class DataOptions {
    @Option(names = "--dir", paramLabel = "PATH", description = "Data directory (default: ./basalt_data)")
    String dir;

    /** Spring arguments for these options. */
    List<String> springArgs() {
        List<String> args = new ArrayList<>();
        if (dir != null) {
            args.add("--basalt.dir=" + dir);
        }
        return args;
    }

    /** True when this run will use the embedded PostgreSQL. */
    static boolean embedded() {
        String url = System.getenv("BASALT_DB_URL");
        return url == null || url.isBlank();
    }
}
