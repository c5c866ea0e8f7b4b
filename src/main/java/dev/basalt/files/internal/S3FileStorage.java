package dev.basalt.files.internal;

import dev.basalt.files.FileStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files in an S3-compatible bucket: a key is an object key. Uploads are one {@code PutObject} each (so a reader
 * never sees half a file); a record's folder is removed by listing its prefix and deleting in batches.
 * Errors of the service become {@link UncheckedIOException}s, as the {@link FileStorage} contract says.
 */
public final class S3FileStorage implements FileStorage, AutoCloseable {
    /** The most keys one {@code DeleteObjects} request may name (S3's limit). */
    static final int DELETE_BATCH = 1000;
    /** Uploads up to this size are sent from memory; larger ones are spooled to a temporary file first. */
    static final int IN_MEMORY_UPLOAD_BYTES = 1024 * 1024;

    private final S3Client client;
    private final String bucket;

    S3FileStorage(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /**
     * A client for the configured endpoint, checked at once: an unreachable endpoint, a missing bucket or refused
     * keys stop the start with a message naming the endpoint and bucket.
     */
    static S3FileStorage connect(S3Settings settings) {
        S3Client client = client(settings);
        try {
            client.headBucket(b -> b.bucket(settings.bucket()));
        } catch (SdkException e) {
            client.close();
            throw new IllegalStateException("Cannot use S3 bucket '" + settings.bucket() + "' at "
                    + settings.endpoint() + ": " + describe(e) + ". Hint: check BASALT_S3_ENDPOINT, BASALT_S3_BUCKET, "
                    + "BASALT_S3_ACCESS_KEY and BASALT_S3_SECRET, and that the service is reachable from here", e);
        }
        return new S3FileStorage(client, settings.bucket());
    }

    /** A client for the configured endpoint, not yet checked against it. */
    public static S3Client client(S3Settings settings) {
        return S3Client.builder()
                .endpointOverride(settings.endpointUri())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secret())))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.forcePathStyle())
                        // plain signed bodies: many S3-compatible servers do not decode aws-chunked uploads
                        .chunkedEncodingEnabled(false)
                        .build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Override
    public void write(String key, InputStream content, long size) {
        FileStorage.checkKey(key);
        try {
            if (size <= IN_MEMORY_UPLOAD_BYTES) {
                byte[] bytes = content.readNBytes((int) size);
                put(key, RequestBody.fromBytes(bytes));
            } else {
                // a file body can be re-read for the payload signature and for retries
                Path spool = Files.createTempFile("basalt-s3-", ".upload");
                try {
                    Files.copy(content, spool, StandardCopyOption.REPLACE_EXISTING);
                    put(key, RequestBody.fromFile(spool));
                } finally {
                    Files.deleteIfExists(spool);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(String key, RequestBody body) {
        call("store", key, () -> client.putObject(p -> p.bucket(bucket).key(key), body));
    }

    @Override
    public Optional<Resource> find(String key) {
        FileStorage.checkKey(key);
        return head(key).map(h -> new S3ObjectResource(client, bucket, key, h.contentLength(), h.lastModified()));
    }

    @Override
    public boolean exists(String key) {
        FileStorage.checkKey(key);
        return head(key).isPresent();
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(client.headObject(h -> h.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("read", key, e);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void delete(String key) {
        FileStorage.checkKey(key);
        call("remove", key, () -> client.deleteObject(d -> d.bucket(bucket).key(key)));
    }

    @Override
    public void deleteAll(String prefix) {
        FileStorage.checkKey(prefix);
        List<ObjectIdentifier> batch = new ArrayList<>();
        ListObjectsV2Request list = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix + "/").build();
        try {
            for (S3Object object : client.listObjectsV2Paginator(list).contents()) {
                batch.add(ObjectIdentifier.builder().key(object.key()).build());
                if (batch.size() == DELETE_BATCH) {
                    deleteBatch(prefix, batch);
                    batch.clear();
                }
            }
        } catch (SdkException e) {
            throw failure("list", prefix, e);
        }
        if (!batch.isEmpty()) {
            deleteBatch(prefix, batch);
        }
    }

    @Override
    public java.util.stream.Stream<String> list() {
        ListObjectsV2Request list = ListObjectsV2Request.builder().bucket(bucket).build();
        try {
            return client.listObjectsV2Paginator(list).contents().stream().map(S3Object::key);
        } catch (SdkException e) {
            throw failure("list", "the bucket", e);
        }
    }

    private void deleteBatch(String prefix, List<ObjectIdentifier> keys) {
        DeleteObjectsResponse response;
        try {
            response = client.deleteObjects(d -> d.bucket(bucket)
                    .delete(Delete.builder().objects(List.copyOf(keys)).quiet(true).build()));
        } catch (SdkException e) {
            throw failure("remove", prefix, e);
        }
        if (response.hasErrors() && !response.errors().isEmpty()) {
            var first = response.errors().getFirst();
            throw new UncheckedIOException(new IOException("Could not remove " + response.errors().size()
                    + " objects under " + prefix + "/ (first: " + first.key() + ": " + first.code() + ")"));
        }
    }

    private void call(String action, String key, Runnable request) {
        try {
            request.run();
        } catch (SdkException e) {
            throw failure(action, key, e);
        }
    }

    private UncheckedIOException failure(String action, String key, SdkException e) {
        return new UncheckedIOException(new IOException("Could not " + action + " " + key + " in S3 bucket "
                + bucket + ": " + describe(e), e));
    }

    /** A short description of a service error: status and code for S3 errors, the message otherwise. */
    static String describe(SdkException e) {
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            return "HTTP " + s3.statusCode() + (code == null ? "" : " " + code);
        }
        return e.getMessage();
    }

    @Override
    public void close() {
        client.close();
    }
}
