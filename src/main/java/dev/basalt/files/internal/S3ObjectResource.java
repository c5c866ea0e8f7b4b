package dev.basalt.files.internal;

import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.springframework.core.io.AbstractResource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * One object of a bucket as a Spring {@link org.springframework.core.io.Resource}: length and modification time
 * from the {@code HEAD} that found it, content streamed by a {@code GET} on each {@link #getInputStream()}.
 */
final class S3ObjectResource extends AbstractResource {
    private final S3Client client;
    private final String bucket;
    private final String key;
    private final long length;
    private final Instant lastModified;

    S3ObjectResource(S3Client client, String bucket, String key, long length, Instant lastModified) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.length = length;
        this.lastModified = lastModified;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = client.getObject(g -> g.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException(getDescription() + " no longer exists");
        } catch (SdkException e) {
            throw new IOException("Could not read " + getDescription() + ": " + S3FileStorage.describe(e), e);
        }
        return new AbortingStream(in);
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public long lastModified() {
        return lastModified == null ? 0 : lastModified.toEpochMilli();
    }

    @Override
    public String getFilename() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    @Override
    public String getDescription() {
        return "S3 object [" + bucket + "/" + key + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof S3ObjectResource r && r.bucket.equals(bucket) && r.key.equals(key);
    }

    @Override
    public int hashCode() {
        return bucket.hashCode() * 31 + key.hashCode();
    }

    /**
     * Closing a response stream before its end would read the rest to reuse the connection; readers that stop early
     * (type detection reads the first bytes) drop the connection instead.
     */
    private static final class AbortingStream extends FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> response;
        private boolean ended;

        AbortingStream(ResponseInputStream<GetObjectResponse> response) {
            super(response);
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int len) throws IOException {
            int n = super.read(buffer, offset, len);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                try {
                    response.abort();
                } catch (RuntimeException e) {
                    throw new UncheckedIOException(new IOException("Could not abort an S3 download", e));
                }
            }
            super.close();
        }
    }
}
