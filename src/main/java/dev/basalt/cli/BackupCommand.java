package dev.basalt.cli;

import dev.basalt.BasaltApplication;
import dev.basalt.backups.Backups;
import dev.basalt.shared.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code basalt backup create [NAME] | list | restore NAME}: the backups API from the command line, server
 * running or not, on the data directory and {@code BASALT_DB_*} settings the server uses. Backups live in
 * {@code <dir>/backups}. Long work shows a progress bar on standard error.
 */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Creates, lists and restores backups.",
        subcommands = {BackupCommand.Create.class, BackupCommand.ListBackups.class, BackupCommand.Restore.class})
final class BackupCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: basalt backup create [NAME] | list | restore NAME [--dir=PATH]");
    }

    /** The shared part: options, the application context without a web server, errors and exit codes. */
    abstract static class Action implements Callable<Integer> {
        @Mixin
        DataOptions data = new DataOptions();

        abstract int run(Backups backups);

        @Override
        public Integer call() {
            if (DataOptions.embedded() && UserNamespace.needed()) {
                return UserNamespace.rerun();
            }
            List<String> args = new ArrayList<>(data.springArgs());
            args.add("--logging.level.root=WARN");
            args.add("--spring.main.log-startup-info=false");
            SpringApplication app = new SpringApplication(BasaltApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            try (ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new))) {
                return run(ctx.getBean(Backups.class));
            } catch (ApiException e) {
                System.err.println();
                System.err.println("Error: " + e.getMessage() + SuperuserCommand.readable(e.data()));
                return 1;
            }
        }
    }

    private static String since(long start) {
        return String.format("%.1f s", (System.nanoTime() - start) / 1e9);
    }

    /** Creates a backup, named or with a generated name. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a backup (NAME: [a-z0-9_-]+.zip; generated when left out).")
    static final class Create extends Action {
        @Parameters(index = "0", paramLabel = "NAME", arity = "0..1",
                description = "File name of the new backup, e.g. nightly.zip; generated when left out.")
        String name;

        @Override
        int run(Backups backups) {
            ProgressBar bar = new ProgressBar(System.err);
            long start = System.nanoTime();
            String created = backups.create(name, bar);
            bar.finish();
            if (created == null) {
                System.out.println("No backup was made: an onBackupCreate hook skipped it.");
                return 0;
            }
            long size = backups.list().stream().filter(b -> b.key().equals(created))
                    .mapToLong(Backups.BackupFile::size).sum();
            System.out.printf("Created backup %s (%.1f MiB) in %s.%n", created, size / 1_048_576.0, since(start));
            return 0;
        }
    }

    /** Lists the stored backups, newest first. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the backups, newest first.")
    static final class ListBackups extends Action {
        @Override
        int run(Backups backups) {
            for (Backups.BackupFile b : backups.list()) {
                System.out.printf("%-60s %12d  %s%n", b.key(), b.size(), Instant.ofEpochMilli(b.modified()));
            }
            return 0;
        }
    }

    /** Restores a backup; a running server on the same database reloads its caches. */
    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Replaces all data and files with the backup NAME (in <dir>/backups).")
    static final class Restore extends Action {
        @Parameters(index = "0", paramLabel = "NAME", description = "The backup to restore, e.g. nightly.zip.")
        String name;

        @Override
        int run(Backups backups) {
            ProgressBar bar = new ProgressBar(System.err);
            long start = System.nanoTime();
            backups.restore(name, bar);
            bar.finish();
            System.out.println("Restored backup " + name + " in " + since(start) + ".");
            return 0;
        }
    }
}
