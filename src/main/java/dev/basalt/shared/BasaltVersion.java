package dev.basalt.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Basalt's version: the jar manifest's {@code Implementation-Version}, else {@code build.version} of
 * {@code META-INF/build-info.properties} (written by the build into the classes, so that a container image built
 * from the classes rather than the jar knows it too), else {@value #UNKNOWN}.
 */
public final class BasaltVersion {
    /** The version when neither source is there (e.g. classes compiled by an IDE). */
    public static final String UNKNOWN = "dev";
    private static final String BUILD_INFO = "/META-INF/build-info.properties";
    private static final String VERSION = read();

    private BasaltVersion() {
    }

    /** The version, e.g. {@code 0.1.0}. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        String manifest = BasaltVersion.class.getPackage().getImplementationVersion();
        if (manifest != null && !manifest.isBlank()) {
            return manifest;
        }
        try (InputStream in = BasaltVersion.class.getResourceAsStream(BUILD_INFO)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties info = new Properties();
            info.load(in);
            return info.getProperty("build.version", UNKNOWN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
