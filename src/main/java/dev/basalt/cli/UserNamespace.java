package dev.basalt.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL refuses to run as root. When Basalt runs as root with the embedded database, it starts itself
 * again inside a new user namespace ({@code unshare -U}), where it is an unprivileged user, and waits for it.
 */
final class UserNamespace {
    /** The arguments Basalt was started with, replayed in the namespace. */
    static String[] originalArgs = new String[0];

    private UserNamespace() {
    }

    /** True when this process is root outside a user namespace of ours. */
    static boolean needed() {
        if (System.getenv("BASALT_USERNS") != null) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (Exception e) {
            return false;
        }
        return false;
    }

    /** Runs this same command under {@code unshare -U} and returns its exit code. */
    static int rerun() {
        List<String> cmd = new ArrayList<>(List.of("unshare", "-U", "env", "BASALT_USERNS=1"));
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-Duser.home=" + System.getProperty("user.home"));
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            cmd.add("-jar");
            cmd.add(classPath);
        } else {
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add(BasaltMain.class.getName());
        }
        cmd.addAll(List.of(originalArgs));
        try {
            Process child = new ProcessBuilder(cmd).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                child.destroy();
                try {
                    child.waitFor();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }));
            return child.waitFor();
        } catch (Exception e) {
            System.err.println("Could not start Basalt in a user namespace (unshare -U): " + e.getMessage());
            return 1;
        }
    }
}
