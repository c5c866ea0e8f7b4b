package dev.basalt.hooks.js;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * PocketBase's {@code $filesystem} for hook code: {@code fileFromBytes}, {@code fileFromPath} (files of the hooks
 * directory only, as templates and modules) and {@code fileFromURL} (through {@code $http}'s client, at most
 * {@link #MAX_DOWNLOAD_BYTES}). Also how files cross back: values set on records travel as JSON in which each file
 * is an object with the key {@link #FILE_KEY} (its place in a list of the {@link JsFile}s) and its {@code name}
 * (see the prelude's {@code enc}); {@link #decode} puts the files back.
 */
public final class JsFilesystem {
    /** The largest download of {@code fileFromURL}, in bytes (it is held in memory until the record is saved). */
    static final long MAX_DOWNLOAD_BYTES = 32L << 20;
    /** The largest file of {@code fileFromPath} and {@code fileFromBytes}, in bytes (held in memory too). */
    static final long MAX_FILE_BYTES = 32L << 20;
    /** The key marking a file in the JSON of record values: a name no field can have. */
    static final String FILE_KEY = "\u0000file";
    private final JsUtil util;

    JsFilesystem(JsUtil util) {
        this.util = util;
    }

    /** {@code $filesystem.fileFromBytes(content, name)}: content as text (UTF-8), an array of bytes or a buffer. */
    @HostAccess.Export
    public JsFile fromBytes(Value content, String name) {
        byte[] bytes;
        if (content.isString()) {
            bytes = content.asString().getBytes(StandardCharsets.UTF_8);
        } else if (content.hasBufferElements()) {
            bytes = new byte[(int) Math.min(content.getBufferSize(), MAX_FILE_BYTES + 1)];
            content.readBuffer(0, bytes, 0, bytes.length);
        } else if (content.hasArrayElements()) {
            bytes = new byte[(int) Math.min(content.getArraySize(), MAX_FILE_BYTES + 1)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) content.getArrayElement(i).asInt();
            }
        } else {
            throw new IllegalArgumentException("fileFromBytes takes a string, an array of bytes or a buffer.");
        }
        return file(bytes, name);
    }

    /** {@code $filesystem.fileFromPath(path)}: a file of the hooks directory. */
    @HostAccess.Export
    public JsFile fromPath(String path) throws IOException {
        Path file = util.hookFile(path);
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("fileFromPath: " + path + " is larger than " + MAX_FILE_BYTES
                    + " bytes.");
        }
        return file(Files.readAllBytes(file), file.getFileName().toString());
    }

    /** {@code $filesystem.fileFromURL(url, secTimeout)}: the body of a GET, named by the URL path's last part. */
    @HostAccess.Export
    public JsFile fromUrl(String url, int timeoutSeconds) {
        byte[] bytes = util.http().download(url, timeoutSeconds, MAX_DOWNLOAD_BYTES);
        String path = URI.create(url).getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return file(bytes, name);
    }

    private static JsFile file(byte[] bytes, String name) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("cannot create an empty file"); // PocketBase's error
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("The file is larger than " + MAX_FILE_BYTES + " bytes.");
        }
        return JsFile.of(bytes, name == null ? "" : name);
    }

    /** {@code json} (parsed) with each file marker replaced by its file of {@code files} (renamed if changed). */
    static Object decode(Object json, Value files) {
        if (files == null || !files.hasArrayElements() || files.getArraySize() == 0) {
            return json;
        }
        if (json instanceof Map<?, ?> map) {
            if (map.get(FILE_KEY) instanceof Number index && index.intValue() < files.getArraySize()) {
                JsFile file = files.getArrayElement(index.intValue()).asHostObject();
                Object name = map.get("name");
                return name == null || name.equals(file.name()) ? file : file.renamed(String.valueOf(name));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), decode(v, files)));
            return out;
        }
        if (json instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(decode(v, files)));
            return out;
        }
        return json;
    }

    /** {@link #decode} of a JSON object's text. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> decodeMap(String json, Value files) {
        return (Map<String, Object>) decode(JsJson.readMap(json), files);
    }
}
