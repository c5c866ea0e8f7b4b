package dev.basalt.cli;

import dev.basalt.BasaltApplication;
import dev.basalt.hooks.AppMigrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code basalt migrate up|down [N]|create NAME|collections|history-sync}, PocketBase's {@code migrate} command over
 * the JS migrations ({@code basalt_migrations} next to the data directory, or {@code --migrationsDir}).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Runs or writes JS migrations.")
final class MigrateCommand implements Callable<Integer> {
    private static final String TEMPLATE = """
            /// <reference path="../basalt_data/types.d.ts" />
            migrate((app) => {
                // add up queries...
            }, (app) => {
                // add down queries...
            });
            """;

    @Parameters(index = "0", paramLabel = "ACTION",
            description = "up, down [N], create NAME, collections or history-sync")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ARG", description = "down: how many (default 1); "
            + "create: the file's name")
    String argument;

    @Option(names = "--migrationsDir", paramLabel = "PATH",
            description = "Directory of the JS migrations (default: basalt_migrations next to the data directory)")
    Path migrationsDir;

    @Mixin
    DataOptions data = new DataOptions();

    @Override
    public Integer call() {
        switch (action) {
            case "create" -> {
                return create();
            }
            case "up" -> {
                return withApp(m -> report("Applied", m.up()));
            }
            case "down" -> {
                int count;
                try {
                    count = argument == null ? 1 : Integer.parseInt(argument);
                } catch (NumberFormatException e) {
                    count = -1;
                }
                if (count < 1) {
                    return fail("migrate down takes a positive number of files, not \"" + argument + "\".");
                }
                int n = count;
                return withApp(m -> report("Reverted", m.down(n)));
            }
            case "history-sync" -> {
                return withApp(m -> {
                    List<String> gone = m.historySync();
                    System.out.println(gone.isEmpty() ? "The migrations history is in sync."
                            : "Forgot " + String.join(", ", gone) + " (no longer in " + m.directory() + ").");
                    return 0;
                });
            }
            case "collections" -> {
                return withApp(m -> {
                    System.out.println("Wrote " + m.snapshot() + ".");
                    return 0;
                });
            }
            default -> {
                return fail("Unknown action \"" + action + "\": use up, down [N], create NAME, collections or history-sync.");
            }
        }
    }

    private Path directory() {
        if (migrationsDir != null) {
            return migrationsDir.toAbsolutePath();
        }
        Path parent = data.dataDir().toAbsolutePath().normalize().getParent();
        return (parent == null ? Path.of("/") : parent).resolve("basalt_migrations");
    }

    private int create() {
        String name = argument == null ? "" : argument.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (name.isEmpty() || name.equals("_")) {
            return fail("migrate create takes a name, e.g. basalt migrate create add_posts_status");
        }
        Path file = directory().resolve(Instant.now().getEpochSecond() + "_" + name + ".js");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, TEMPLATE);
        } catch (IOException e) {
            return fail("Cannot write " + file + ": " + e.getMessage());
        }
        System.out.println("Created " + file + ".");
        return 0;
    }

    private int withApp(Function<AppMigrations, Integer> work) {
        if (DataOptions.embedded() && UserNamespace.needed()) {
            return UserNamespace.rerun();
        }
        List<String> args = new ArrayList<>(data.springArgs());
        args.addAll(data.failureArgs());
        args.add("--logging.level.root=WARN");
        args.add("--spring.main.log-startup-info=false");
        // not at the context's start: `up` applies and reports them, `down` must not apply first
        args.add("--basalt.migrations-dir=" + directory());
        args.add("--basalt.migrations-at-start=false");
        SpringApplication app = new SpringApplication(BasaltApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new))) {
            return work.apply(ctx.getBean(AppMigrations.class));
        } catch (RuntimeException e) {
            return fail(e.getMessage());
        }
    }

    private static int report(String verb, List<String> files) {
        System.out.println(files.isEmpty() ? "No migrations to " + (verb.equals("Applied") ? "apply." : "revert.")
                : verb + " " + String.join(", ", files) + ".");
        return 0;
    }

    private static int fail(String message) {
        System.err.println("Error: " + message);
        return 1;
    }
}
