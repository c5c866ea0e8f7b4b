package dev.basalt.files.internal;

import dev.basalt.files.FileStorage;
import dev.basalt.settings.SettingsStore;
import dev.basalt.shared.BasaltProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where files live: the S3-compatible bucket of {@code basalt.s3.*} when its endpoint is set (it wins over
 * the settings, for the life of the process); otherwise what the settings' {@code s3} section says at each
 * operation ({@link SettingsFileStorage}): its bucket when enabled, else the data directory's {@code storage} folder.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {
    @Bean
    FileStorage fileStorage(BasaltProperties properties, S3Settings s3, SettingsStore settings) {
        if (s3.enabled()) {
            return S3FileStorage.connect(s3);
        }
        return new SettingsFileStorage(new LocalFileStorage(properties.dir().resolve("storage")), settings);
    }
}
