package dev.basalt.backups.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Backup zips at the top level of the settings' {@code backups.s3} bucket, as PocketBase keeps them. A new backup
 * is written to a temporary file and uploaded in one {@code PutObject} once complete, so a listed backup is always
 * a whole one; a restore reads a temporary copy. Service errors become {@link IOException}s.
 */
public final class S3BackupStore implements BackupStore, AutoCloseable {
    private final S3Client client;
    private final String bucket;

    public S3BackupStore(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    @Override
    public List<Entry> list() throws IOException {
        // the delimiter keeps objects under "folders" (the files of records, when the bucket is shared) out
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).delimiter("/").build();
        List<Entry> entries = new ArrayList<>();
        try {
            for (S3Object o : client.listObjectsV2Paginator(request).contents()) {
                if (o.key().endsWith(".zip")) {
                    entries.add(new Entry(o.key(), o.size(), o.lastModified().toEpochMilli()));
                }
            }
        } catch (SdkException e) {
            throw failure("list the backups", e);
        }
        return entries;
    }

    @Override
    public boolean exists(String key) throws IOException {
        return head(key).isPresent();
    }

    @Override
    public boolean delete(String key) throws IOException {
        if (!exists(key)) {
            return false;
        }
        try {
            client.deleteObject(d -> d.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("delete " + key, e);
        }
        return true;
    }

    @Override
    public void write(String key, Writer writer) throws IOException {
        Path temp = Files.createTempFile("basalt-backup-", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            client.putObject(p -> p.bucket(bucket).key(key).contentType("application/zip"), RequestBody.fromFile(temp));
        } catch (SdkException e) {
            throw failure("upload " + key, e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<Resource> find(String key) throws IOException {
        return head(key).map(h -> new ObjectResource(key, h));
    }

    @Override
    public <T> T withFile(String key, FileReader<T> reader) throws IOException {
        Path temp = Files.createTempFile("basalt-restore-", ".zip");
        try {
            try (InputStream in = client.getObject(g -> g.bucket(bucket).key(key))) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            } catch (SdkException e) {
                throw failure("download " + key, e);
            }
            return reader.read(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private Optional<HeadObjectResponse> head(String key) throws IOException {
        try {
            return Optional.of(client.headObject(h -> h.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("read " + key, e);
        } catch (SdkException e) {
            throw failure("read " + key, e);
        }
    }

    private IOException failure(String action, SdkException e) {
        return new IOException("Could not " + action + " in S3 bucket " + bucket + ": " + e.getMessage(), e);
    }

    /** A backup object for a download: its size and time are known from the head request, the body is streamed. */
    private final class ObjectResource extends AbstractResource {
        private final String key;
        private final HeadObjectResponse head;

        ObjectResource(String key, HeadObjectResponse head) {
            this.key = key;
            this.head = head;
        }

        @Override
        public String getDescription() {
            return "backup " + key + " in S3 bucket " + bucket;
        }

        @Override
        public String getFilename() {
            return key;
        }

        @Override
        public long contentLength() {
            return head.contentLength();
        }

        @Override
        public long lastModified() {
            return head.lastModified().toEpochMilli();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return client.getObject(g -> g.bucket(bucket).key(key));
            } catch (SdkException e) {
                throw failure("download " + key, e);
            }
        }
    }
}
