package dev.basalt.hosting.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Spring's file lookup, plus the check it lacks: the file's real path (symbolic links resolved) must lie inside
 * the directory's real path, so a link in the public directory cannot publish a file from elsewhere.
 */
final class ConfinedPathResolver extends PathResourceResolver {
    private final Path root;

    ConfinedPathResolver(Path root) {
        this.root = root;
    }

    @Override
    protected Resource getResource(String resourcePath, Resource location) throws IOException {
        Resource resource = super.getResource(resourcePath, location);
        if (resource == null || !resource.isFile()) {
            return null;
        }
        Path real = resource.getFile().toPath().toRealPath();
        return real.startsWith(root.toRealPath()) && Files.isRegularFile(real) ? resource : null;
    }
}
