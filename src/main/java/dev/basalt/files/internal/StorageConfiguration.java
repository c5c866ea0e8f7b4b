package dev.basalt.files.internal;

import dev.basalt.files.FileStorage;
import dev.basalt.shared.BasaltProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where files live: an S3-compatible bucket when {@code basalt.s3.endpoint} is set, otherwise the data
 * directory's {@code storage} folder.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {
    @Bean
    FileStorage fileStorage(BasaltProperties properties, S3Settings s3) {
        if (s3.enabled()) {
            return S3FileStorage.connect(s3);
        }
        return new LocalFileStorage(properties.dir().resolve("storage"));
    }
}
