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

/**
 * {@code basalt superuser upsert|create|update|delete|otp}, PocketBase's superuser commands, server running or not.
 * Each runs the application without a web server and acts through {@link Superusers}.
 */
@Command(name = "superuser", mixinStandardHelpOptions = true, description = "Manages superusers.",
        subcommands = {SuperuserCommand.Upsert.class,
        SuperuserCommand.Create.class, SuperuserCommand.Update.class, SuperuserCommand.Delete.class,
        SuperuserCommand.Otp.class})
final class SuperuserCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: basalt superuser upsert|create|update EMAIL PASSWORD | delete|otp EMAIL "
                + "[--dir=PATH] (--help on each)");
    }

    /** The shared part: options, the application context, error printing and exit codes. */
    abstract static class Action implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "EMAIL", description = "The superuser's email address")
        String email;

        @Mixin
        DataOptions data = new DataOptions();

        /** Does the work; returns the exit code. */
        abstract int run(Superusers superusers);

        @Override
        public Integer call() {
            if (DataOptions.embedded() && UserNamespace.needed()) {
                return UserNamespace.rerun();
            }
            List<String> args = new ArrayList<>(data.springArgs());
            args.addAll(data.failureArgs());
            args.add("--logging.level.root=WARN");
            args.add("--spring.main.log-startup-info=false");
            SpringApplication app = new SpringApplication(BasaltApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            try (ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new))) {
                return run(ctx.getBean(Superusers.class));
            } catch (ApiException e) {
                System.err.println("Error: " + e.getMessage() + readable(e.data()));
                return 1;
            }
        }
    }

    /** Field errors as text, e.g. {@code  email: Must be a valid email address.}. */
    static String readable(java.util.Map<String, dev.basalt.shared.FieldError> errors) {
        StringBuilder out = new StringBuilder();
        errors.forEach((field, error) -> out.append(System.lineSeparator()).append("  ").append(field).append(": ")
                .append(error.message()));
        return out.toString();
    }

    /** Creates the superuser, or sets the password of the existing one with that email. */
    @Command(name = "upsert", mixinStandardHelpOptions = true, description = "Creates or updates a superuser.")
    static final class Upsert extends Action {
        @Parameters(index = "1", paramLabel = "PASSWORD", description = "The new password")
        String password;

        @Override
        int run(Superusers superusers) {
            boolean created = superusers.upsert(email, password);
            System.out.println((created ? "Created" : "Updated") + " superuser " + email + ".");
            return 0;
        }
    }

    /** Creates a superuser; fails when the email is taken. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a new superuser.")
    static final class Create extends Action {
        @Parameters(index = "1", paramLabel = "PASSWORD", description = "The new password")
        String password;

        @Override
        int run(Superusers superusers) {
            superusers.create(email, password);
            System.out.println("Created superuser " + email + ".");
            return 0;
        }
    }

    /** Changes the password of an existing superuser. */
    @Command(name = "update", mixinStandardHelpOptions = true, description = "Changes the password of a superuser.")
    static final class Update extends Action {
        @Parameters(index = "1", paramLabel = "PASSWORD", description = "The new password")
        String password;

        @Override
        int run(Superusers superusers) {
            if (!superusers.changePassword(email, password)) {
                System.err.println("Error: no superuser with the email " + email + ".");
                return 1;
            }
            System.out.println("Changed the password of superuser " + email + ".");
            return 0;
        }
    }

    /** Deletes a superuser; a missing one is only a notice, as in PocketBase. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a superuser.")
    static final class Delete extends Action {
        @Override
        int run(Superusers superusers) {
            System.out.println(superusers.delete(email) ? "Deleted superuser " + email + "."
                    : "Superuser " + email + " is missing or already deleted.");
            return 0;
        }
    }

    /** Issues a one-time password for a superuser (OTP must be enabled for {@code _superusers}). */
    @Command(name = "otp", mixinStandardHelpOptions = true,
            description = "Creates a one-time password for a superuser.")
    static final class Otp extends Action {
        @Override
        int run(Superusers superusers) {
            var otp = superusers.otp(email);
            if (otp.isEmpty()) {
                System.err.println("Error: no superuser with the email " + email + ".");
                return 1;
            }
            System.out.println("Created an OTP for superuser " + email + ":");
            System.out.println("├─ Id:    " + otp.get().id());
            System.out.println("├─ Pass:  " + otp.get().password());
            System.out.println("└─ Valid: " + otp.get().validSeconds() + "s");
            return 0;
        }
    }
}
