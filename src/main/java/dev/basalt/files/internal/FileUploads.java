package dev.basalt.files.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.FileField;
import dev.basalt.files.FileStorage;
import dev.basalt.files.NamedUpload;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordFiles;
import dev.basalt.records.RecordInput;
import dev.basalt.shared.ValidationErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads of record writes: checks each file against its field's {@code maxSize} and {@code mimeTypes}, gives it
 * a PocketBase-style name, writes it inside the record's transaction and removes it again on rollback; files a
 * change or a delete releases are removed after the commit.
 */
@Component
class FileUploads implements RecordFiles {
    private final FileStorage storage;

    FileUploads(FileStorage storage) {
        this.storage = storage;
    }

    @Override
    public Uploads accept(Collection collection, RecordInput body, String failure) {
        ValidationErrors errors = new ValidationErrors();
        Map<String, MultipartFile> uploads = new LinkedHashMap<>();
        if (collection.fields().stream().noneMatch(FileField.class::isInstance)) {
            return new PendingUploads(body, uploads, failure); // most writes: nothing to look at
        }
        RecordInput out = body;
        for (String key : body.keys()) {
            Object submitted = body.get(key);
            String name = fieldName(key);
            if (!(collection.field(name).orElse(null) instanceof FileField field) || !containsUpload(submitted)) {
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (Object v : submitted instanceof List<?> list ? list : List.of(submitted)) {
                if (!(v instanceof MultipartFile file)) {
                    values.add(v);
                } else if (!file.isEmpty() || (file.getOriginalFilename() != null
                        && !file.getOriginalFilename().isEmpty())) {
                    String stored = check(field, file, errors);
                    if (stored != null) {
                        uploads.put(stored, file);
                        values.add(stored);
                    }
                }
            }
            out = out.with(key, values); // the key keeps its place
        }
        errors.throwIfAny(failure);
        return new PendingUploads(out, uploads, failure);
    }

    /** The field a body key names: without a leading {@code +} (prepend) or a trailing {@code +}/{@code -}. */
    static String fieldName(String key) {
        int start = key.startsWith("+") ? 1 : 0;
        int end = key.length() > start && (key.endsWith("+") || key.endsWith("-")) ? key.length() - 1 : key.length();
        return key.substring(start, end);
    }

    private static boolean containsUpload(Object value) {
        return value instanceof MultipartFile
                || (value instanceof List<?> list && list.stream().anyMatch(MultipartFile.class::isInstance));
    }

    /** The generated name of an acceptable upload, or null after adding the field's error. */
    private static String check(FileField field, MultipartFile file, ValidationErrors errors) {
        String original = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (file.getSize() > field.sizeLimit()) {
            errors.add(field.name(), "validation_file_size_limit", "Failed to upload \"" + original
                    + "\" - the maximum allowed file size is " + field.sizeLimit() + " bytes.");
            return null;
        }
        String type;
        try {
            type = MimeTypes.detect(file.getInputStream(), original);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!field.mimeTypes().isEmpty() && !MimeTypes.allowed(type, field.mimeTypes())) {
            errors.add(field.name(), "validation_invalid_mime_type", "\"" + original
                    + "\" mime type must be one of: " + String.join(", ", field.mimeTypes()) + ".");
            return null;
        }
        if (file instanceof NamedUpload named && NamedUpload.VALID.matcher(named.storedName()).matches()) {
            return named.storedName(); // PocketBase's filesystem.File keeps the name it was made with
        }
        return UploadNames.generate(original, type);
    }

    @Override
    public void deleted(Collection collection, List<String> ids) {
        if (collection.fields().stream().noneMatch(FileField.class::isInstance)) {
            return;
        }
        List<String> folders = ids.stream().map(id -> StorageKeys.record(collection, id)).toList();
        FileCleanup.register(storage, List.of(), List.of(), folders);
    }

    private final class PendingUploads implements Uploads {
        private final RecordInput body;
        private final Map<String, MultipartFile> uploads;
        private final String failure;

        PendingUploads(RecordInput body, Map<String, MultipartFile> uploads, String failure) {
            this.body = body;
            this.uploads = uploads;
            this.failure = failure;
        }

        @Override
        public RecordInput body() {
            return body;
        }

        @Override
        public void store(RecordData record) {
            Collection collection = record.collection();
            RecordData current = record.original().orElse(null);
            ValidationErrors errors = new ValidationErrors();
            Map<String, MultipartFile> added = new LinkedHashMap<>();
            List<String> removed = new ArrayList<>();
            for (Field f : collection.fields()) {
                if (!(f instanceof FileField)) {
                    continue;
                }
                List<String> before = current == null ? List.of() : FileField.names(current.get(f.name()));
                List<String> after = FileField.names(record.get(f.name()));
                List<String> invalid = new ArrayList<>();
                for (String name : after) {
                    if (before.contains(name)) {
                        continue;
                    }
                    if (uploads.containsKey(name)) {
                        added.put(name, uploads.get(name));
                    } else {
                        invalid.add(name);
                    }
                }
                if (!invalid.isEmpty()) {
                    errors.add(f.name(), "validation_invalid_file", "Invalid new files: " + String.join(", ", invalid) + ".");
                }
                before.stream().filter(name -> !after.contains(name)).forEach(removed::add);
            }
            errors.throwIfAny(failure);
            if (added.isEmpty() && removed.isEmpty()) {
                return;
            }
            String id = record.id();
            List<String> written = new ArrayList<>();
            List<String> releasedFiles = removed.stream().map(n -> StorageKeys.file(collection, id, n)).toList();
            List<String> releasedThumbs = removed.stream().map(n -> StorageKeys.thumbs(collection, id, n)).toList();
            FileCleanup.register(storage, written, releasedFiles, releasedThumbs);
            for (Map.Entry<String, MultipartFile> e : added.entrySet()) {
                String key = StorageKeys.file(collection, id, e.getKey());
                written.add(key);
                try (InputStream in = e.getValue().getInputStream()) {
                    storage.write(key, in, e.getValue().getSize());
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }
    }
}
