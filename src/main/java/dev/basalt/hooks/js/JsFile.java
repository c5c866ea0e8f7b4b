package dev.basalt.hooks.js;

import dev.basalt.files.NamedUpload;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.graalvm.polyglot.HostAccess;
import org.springframework.web.multipart.MultipartFile;

/**
 * PocketBase's {@code filesystem.File} as hook code holds it ({@code $filesystem.fileFromBytes}, {@code fileFromPath},
 * {@code fileFromURL}, {@code e.findUploadedFiles}): the content, the original name and the stored name, chosen when
 * the file is made as PocketBase does. It is an upload of the record write path: set on a record, it is checked and
 * stored like a client's upload, under {@link #storedName()}. Hook code reaches only the exported getters.
 */
public final class JsFile implements MultipartFile, NamedUpload {
    private final byte[] bytes;
    private final MultipartFile upload;
    private final String originalName;
    private final String name;

    private JsFile(byte[] bytes, MultipartFile upload, String originalName, String name) {
        this.bytes = bytes;
        this.upload = upload;
        this.originalName = originalName;
        this.name = name;
    }

    /** A file of these bytes, named {@code originalName}. */
    static JsFile of(byte[] bytes, String originalName) {
        return new JsFile(bytes, null, originalName, NamedUpload.generate(originalName,
                new ByteArrayInputStream(bytes)));
    }

    /** A file of a request's multipart upload. */
    static JsFile of(MultipartFile upload) {
        String original = upload.getOriginalFilename() == null ? "" : upload.getOriginalFilename();
        try (InputStream in = upload.getInputStream()) {
            return new JsFile(null, upload, original, NamedUpload.generate(original, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same content under another stored name (hook code assigned {@code file.name}). */
    JsFile renamed(String newName) {
        if (!VALID.matcher(newName).matches()) {
            throw new IllegalArgumentException("Invalid file name \"" + newName
                    + "\": use letters, digits, '_', '-' and '.', not starting with a dot.");
        }
        return new JsFile(bytes, upload, originalName, newName);
    }

    @HostAccess.Export
    public String name() {
        return name;
    }

    @HostAccess.Export
    public String originalName() {
        return originalName;
    }

    @HostAccess.Export
    public long size() {
        return getSize();
    }

    @Override
    public String storedName() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getOriginalFilename() {
        return originalName;
    }

    @Override
    public String getContentType() {
        return upload == null ? null : upload.getContentType();
    }

    @Override
    public boolean isEmpty() {
        return getSize() == 0;
    }

    @Override
    public long getSize() {
        return upload == null ? bytes.length : upload.getSize();
    }

    @Override
    public byte[] getBytes() throws IOException {
        return upload == null ? bytes.clone() : upload.getBytes();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return upload == null ? new ByteArrayInputStream(bytes) : upload.getInputStream();
    }

    @Override
    public void transferTo(File dest) throws IOException {
        try (InputStream in = getInputStream()) {
            Files.copy(in, dest.toPath());
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
