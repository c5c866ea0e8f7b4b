package dev.basalt.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.ops.internal.ConfigurationFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code BASALT_S3_*} settings are bound, typed and checked before anything connects to the bucket. */
class S3SettingsTest {
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(S3Settings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void withoutAnEndpointFilesStayOnTheLocalDisk() {
        runner.run(context -> {
            S3Settings s3 = context.getBean(S3Settings.class);
            assertThat(s3.enabled()).isFalse();
            assertThat(s3.region()).isEqualTo("us-east-1");
            assertThat(s3.forcePathStyle()).isFalse();
        });
    }

    @Test
    void aCompleteConfigurationIsBoundAndNeverPrintsTheSecret() {
        runner.withPropertyValues("basalt.s3.endpoint=https://s3.example.com", "basalt.s3.bucket=my-files",
                "basalt.s3.region=eu-central-1", "basalt.s3.access-key=AKID", "basalt.s3.secret=very-secret",
                "basalt.s3.force-path-style=true").run(context -> {
                    S3Settings s3 = context.getBean(S3Settings.class);
                    assertThat(s3.enabled()).isTrue();
                    assertThat(s3.endpointUri().getHost()).isEqualTo("s3.example.com");
                    assertThat(s3.bucket()).isEqualTo("my-files");
                    assertThat(s3.region()).isEqualTo("eu-central-1");
                    assertThat(s3.accessKey()).isEqualTo("AKID");
                    assertThat(s3.secret()).isEqualTo("very-secret");
                    assertThat(s3.forcePathStyle()).isTrue();
                    assertThat(s3.toString()).doesNotContain("very-secret").doesNotContain("AKID");
                });
    }

    @Test
    void anEndpointWithoutBucketAndKeysStopsTheStartNamingEachSetting() {
        runner.withPropertyValues("basalt.s3.endpoint=http://127.0.0.1:9000").run(context -> {
            String description = failure(context.getStartupFailure());
            assertThat(description).contains(
                    "Invalid configuration: BASALT_S3_BUCKET must be set when BASALT_S3_ENDPOINT is set",
                    "Invalid configuration: BASALT_S3_ACCESS_KEY must be set when BASALT_S3_ENDPOINT is set",
                    "Invalid configuration: BASALT_S3_SECRET must be set when BASALT_S3_ENDPOINT is set");
        });
    }

    @Test
    void malformedValuesAreRefused() {
        runner.withPropertyValues("basalt.s3.endpoint=s3.example.com", "basalt.s3.bucket=Bad_Bucket",
                "basalt.s3.region=EU Central", "basalt.s3.access-key=a", "basalt.s3.secret=b").run(context -> {
                    String description = failure(context.getStartupFailure());
                    assertThat(description).contains("BASALT_S3_ENDPOINT (basalt.s3.endpoint) must be an http:// or https:// URL",
                            "BASALT_S3_BUCKET (basalt.s3.bucket) must be an S3 bucket name", "BASALT_S3_REGION (basalt.s3.region) must be a region name");
                });
        runner.withPropertyValues("basalt.s3.endpoint=http://127.0.0.1:9000", "basalt.s3.bucket=files",
                "basalt.s3.access-key=a", "basalt.s3.secret=b", "basalt.s3.force-path-style=sometimes")
                .run(context -> assertThat(failure(context.getStartupFailure()))
                        .contains("BASALT_S3_FORCE_PATH_STYLE has a value of the wrong type"));
    }

    private static String failure(Throwable startup) {
        assertThat(startup).as("the start must fail").isNotNull();
        var analysis = new ConfigurationFailureAnalyzer().analyze(startup);
        assertThat(analysis).as("a configuration failure: " + startup).isNotNull();
        return analysis.getDescription();
    }
}
