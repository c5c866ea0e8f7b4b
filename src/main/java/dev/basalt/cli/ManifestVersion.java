package dev.basalt.cli;

import dev.basalt.shared.BasaltVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code basalt --version}: the version of the running jar (or image), not a constant in the code. */
final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Basalt " + BasaltVersion.get(), "Java " + Runtime.version()};
    }
}
