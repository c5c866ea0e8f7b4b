package dev.basalt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code basalt} command: {@code serve}, {@code superuser} and {@code backup}. */
@Command(name = "basalt", mixinStandardHelpOptions = true, version = "Basalt 0.1.0",
        description = "A self-hosted, PocketBase-compatible backend server on PostgreSQL.",
        subcommands = {ServeCommand.class, SuperuserCommand.class, BackupCommand.class})
public final class BasaltMain implements Runnable {

    public static void main(String[] args) {
        UserNamespace.originalArgs = args.clone();
        int code = new CommandLine(new BasaltMain())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // Spring Boot has already logged why the start failed (failure analysis or stack trace).
                    System.err.println("basalt " + cmd.getCommandName() + ": failed to start, see the error above.");
                    return 1;
                })
                .execute(args);
        if (code != 0 || !ServeCommand.isServing()) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
