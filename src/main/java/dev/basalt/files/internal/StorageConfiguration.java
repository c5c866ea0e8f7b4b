package dev.basalt.files.internal;

import dev.basalt.files.FileStorage;
import dev.basalt.shared.BasaltProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses where files live: the data directory's {@code storage} folder. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {
    @Bean
    FileStorage fileStorage(BasaltProperties properties) {
        return new LocalFileStorage(properties.dir().resolve("storage"));
    }
}
