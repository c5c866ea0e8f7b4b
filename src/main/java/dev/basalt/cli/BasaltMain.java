package dev.basalt.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code basalt} command: {@code serve}, {@code superuser} and {@code backup}. */
@Command(name = "basalt", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        description = "A self-hosted, PocketBase-compatible backend server on PostgreSQL.",
        subcommands = {ServeCommand.class, SuperuserCommand.class, BackupCommand.class, MigrateCommand.class})
public final class BasaltMain implements Runnable {

    public static void main(String[] args) {
        UserNamespace.originalArgs = args.clone();
        int code = new CommandLine(new BasaltMain())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    boolean debug = List.of(UserNamespace.originalArgs).contains("--debug");
                    if (debug) {
                        e.printStackTrace();
                    }
                    if (!StartFailureReporter.reported()) {
                        System.err.println("basalt " + cmd.getCommandName() + ": failed to start: " + summary(e));
                    }
                    if (!debug) {
                        System.err.println("(run again with --debug for the details)");
                    }
                    return 1;
                })
                .execute(args);
        if (code != 0 || !ServeCommand.isServing()) {
            System.exit(code);
        }
    }

    /**
     * The failure in one line: the messages along the cause chain, without Spring's bean-creation wrappers,
     * which only repeat the cause's message inside their own.
     */
    static String summary(Throwable failure) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && parts.size() < 3; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.springframework.beans.") || t.getMessage() == null) {
                continue;
            }
            parts.add(t.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
        }
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            // a cause's message is often already inside its wrapper's
            if (kept.stream().noneMatch(k -> k.contains(part))) {
                kept.add(part);
            }
        }
        return kept.isEmpty() ? failure.getClass().getSimpleName() : String.join(": ", kept);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
