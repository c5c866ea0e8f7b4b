package dev.basalt.cli;

import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import dev.basalt.shared.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code basalt superuser upsert EMAIL PASSWORD}: creates or updates a superuser, server running or not. */
@Command(name = "superuser", description = "Manages superusers.", subcommands = SuperuserCommand.Upsert.class)
final class SuperuserCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: basalt superuser upsert EMAIL PASSWORD [--dir=PATH]");
    }

    /** Creates the superuser, or sets the password of the existing one with that email. */
    @Command(name = "upsert", description = "Creates or updates a superuser.")
    static final class Upsert implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "EMAIL")
        String email;

        @Parameters(index = "1", paramLabel = "PASSWORD")
        String password;

        @Mixin
        DataOptions data = new DataOptions();

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
                boolean created = ctx.getBean(Superusers.class).upsert(email, password);
                System.out.println((created ? "Created" : "Updated") + " superuser " + email + ".");
                return 0;
            } catch (ApiException e) {
                System.err.println("Error: " + e.getMessage() + " " + e.data());
                return 1;
            }
        }
    }
}
