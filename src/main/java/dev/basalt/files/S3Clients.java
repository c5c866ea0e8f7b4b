package dev.basalt.files;

import dev.basalt.files.internal.S3FileStorage;
import dev.basalt.files.internal.S3Settings;
import dev.basalt.settings.Settings;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 clients built the way the files module builds its own (path style, plain signed bodies), for other modules
 * that keep objects in a bucket of the settings (the backups' {@code backups.s3}).
 */
public final class S3Clients {
    private S3Clients() {
    }

    /** A client for the endpoint, region and keys of {@code s3}; the caller closes it. */
    public static S3Client open(Settings.S3 s3) {
        return S3FileStorage.client(new S3Settings(s3.endpoint(), s3.bucket(), s3.region(), s3.accessKey(),
                s3.secret(), s3.forcePathStyle()));
    }
}
