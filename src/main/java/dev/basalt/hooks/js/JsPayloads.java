package dev.basalt.hooks.js;

import dev.basalt.auth.MailMessage;
import dev.basalt.hooks.BackupEvent;
import dev.basalt.hooks.BatchRequestEvent;
import dev.basalt.hooks.CollectionsImportRequestEvent;
import dev.basalt.hooks.CollectionEvent;
import dev.basalt.hooks.CollectionRequestEvent;
import dev.basalt.hooks.FileDownloadRequestEvent;
import dev.basalt.hooks.FileTokenRequestEvent;
import dev.basalt.hooks.HookEvent;
import dev.basalt.hooks.RecordAuthEndpointEvent;
import dev.basalt.hooks.SettingsRequestEvent;
import dev.basalt.hooks.MailerEvent;
import dev.basalt.hooks.RealtimeMessageEvent;
import dev.basalt.hooks.RealtimeSubscribeRequestEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;

/**
 * The changeable part of an event as hook code sees it ({@code e.message} of mailer and realtime message events,
 * {@code e.subscriptions} of subscribe requests, {@code e.collection} of collection events), as JSON; the prelude writes it back before {@code e.next()}.
 */
final class JsPayloads {
    private JsPayloads() {
    }

    static String read(HookEvent event) {
        return JsJson.write(switch (event) {
            case MailerEvent e -> message(e.message());
            case RealtimeMessageEvent e -> map("name", e.message().name(), "data", e.message().data());
            case RealtimeSubscribeRequestEvent e -> e.subscriptions();
            case CollectionEvent e -> e.collection();
            case CollectionRequestEvent e -> e.collection();
            case FileDownloadRequestEvent e -> e.download().servedName();
            case FileTokenRequestEvent e -> e.token();
            case RecordAuthEndpointEvent e -> e.body();
            case SettingsRequestEvent e -> e.settings();
            case BatchRequestEvent e -> e.batch().stream().map(JsPayloads::withFileNames).toList();
            case CollectionsImportRequestEvent e -> map("collectionsData", e.collectionsData(), "deleteMissing",
                    e.deleteMissing());
            case BackupEvent e -> e.name();
            default -> null;
        });
    }

    static void write(HookEvent event, String json) {
        Object value = JsJson.read(json);
        switch (event) {
            case MailerEvent e when value instanceof Map<?, ?> m -> apply(e.message(), m);
            case RealtimeMessageEvent e when value instanceof Map<?, ?> m -> {
                e.message().name(text(m.get("name")));
                Object data = m.get("data");
                e.message().data(data instanceof String s ? s : JsJson.write(data));
            }
            case RealtimeSubscribeRequestEvent e when value instanceof List<?> l -> {
                e.subscriptions().clear();
                l.forEach(s -> e.subscriptions().add(text(s)));
            }
            case CollectionEvent e when value instanceof Map<?, ?> m -> {
                e.collection().clear();
                m.forEach((k, v) -> e.collection().put(String.valueOf(k), v));
            }
            case CollectionRequestEvent e when value instanceof Map<?, ?> m && e.collection() != null -> {
                e.collection().clear();
                m.forEach((k, v) -> e.collection().put(String.valueOf(k), v));
            }
            case FileDownloadRequestEvent e -> e.download().servedName(text(value));
            case FileTokenRequestEvent e -> e.token(text(value));
            case SettingsRequestEvent e when value instanceof Map<?, ?> m -> {
                e.settings().clear();
                m.forEach((k, v) -> e.settings().put(String.valueOf(k), v));
            }
            case RecordAuthEndpointEvent e when value instanceof Map<?, ?> m -> {
                e.body().clear();
                m.forEach((k, v) -> e.body().put(String.valueOf(k), v));
            }
            case BatchRequestEvent e when value instanceof List<?> l -> batch(e.batch(), l);
            case CollectionsImportRequestEvent e when value instanceof Map<?, ?> m -> {
                e.collectionsData().clear();
                if (m.get("collectionsData") instanceof List<?> l) {
                    e.collectionsData().addAll(l);
                }
                e.deleteMissing(Boolean.TRUE.equals(m.get("deleteMissing")));
            }
            case BackupEvent e -> e.name(text(value));
            default -> { }
        }
    }

    /** The read-only extras of an event ({@code e.servedPath} and {@code e.fileField} of a download), as JSON. */
    static String extra(HookEvent event) {
        if (event instanceof SettingsRequestEvent e) {
            return JsJson.write(Map.of("oldSettings", e.oldSettings() == null ? Map.of() : e.oldSettings()));
        }
        if (event instanceof FileDownloadRequestEvent e) {
            return JsJson.write(map("servedPath", e.download().servedPath(), "fileField",
                    Map.of("name", e.download().fileField())));
        }
        return null;
    }

    /** A sub-request with its uploaded files shown by name (files do not cross into hook code). */
    private static Map<String, Object> withFileNames(Map<String, Object> request) {
        Map<String, Object> out = new LinkedHashMap<>(request);
        if (request.get("body") instanceof Map<?, ?> body) {
            Map<String, Object> shown = new LinkedHashMap<>();
            body.forEach((k, v) -> shown.put(String.valueOf(k), files(v) != null ? files(v) : v));
            out.put("body", shown);
        }
        return out;
    }

    /** The names of a value of uploaded files, or null when it is not one. */
    private static List<String> files(Object value) {
        if (value instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(MultipartFile.class::isInstance)) {
            return l.stream().map(f -> ((MultipartFile) f).getOriginalFilename()).toList();
        }
        return null;
    }

    /** The sub-requests as a hook left them; an upload still shown by its names keeps its files. */
    @SuppressWarnings("unchecked")
    private static void batch(List<Map<String, Object>> batch, List<?> changed) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            if (!(changed.get(i) instanceof Map<?, ?> m)) {
                continue;
            }
            Map<String, Object> request = new LinkedHashMap<>((Map<String, Object>) m);
            Map<?, ?> before = i < batch.size() && batch.get(i).get("body") instanceof Map<?, ?> b ? b : Map.of();
            if (request.get("body") instanceof Map<?, ?> body) {
                Map<String, Object> restored = new LinkedHashMap<>();
                body.forEach((k, v) -> restored.put(String.valueOf(k),
                        v != null && v.equals(files(before.get(k))) ? before.get(k) : v));
                request.put("body", restored);
            }
            out.add(request);
        }
        batch.clear();
        batch.addAll(out);
    }

    private static Map<String, Object> message(MailMessage m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", m.from() == null ? null : address(m.from()));
        out.put("to", m.to().stream().map(JsPayloads::address).toList());
        out.put("cc", m.cc().stream().map(JsPayloads::address).toList());
        out.put("bcc", m.bcc().stream().map(JsPayloads::address).toList());
        out.put("subject", m.subject());
        out.put("html", m.html());
        out.put("text", m.text());
        out.put("headers", m.headers());
        return out;
    }

    private static void apply(MailMessage m, Map<?, ?> in) {
        if (in.get("from") != null) {
            m.from(address(in.get("from")));
        }
        m.to(addresses(in.get("to")));
        m.cc(addresses(in.get("cc")));
        m.bcc(addresses(in.get("bcc")));
        m.subject(text(in.get("subject")));
        m.html(text(in.get("html")));
        m.text(text(in.get("text")));
        Map<String, String> headers = new LinkedHashMap<>();
        if (in.get("headers") instanceof Map<?, ?> h) {
            h.forEach((k, v) -> headers.put(String.valueOf(k), text(v)));
        }
        m.headers(headers);
    }

    private static Map<String, Object> address(MailMessage.Address a) {
        return map("address", a.address(), "name", a.name());
    }

    /** An address as {@code {address, name}} or as a plain string. */
    private static MailMessage.Address address(Object value) {
        return value instanceof Map<?, ?> m ? new MailMessage.Address(text(m.get("address")), text(m.get("name")))
                : new MailMessage.Address(text(value), "");
    }

    private static List<MailMessage.Address> addresses(Object value) {
        List<MailMessage.Address> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            l.forEach(a -> out.add(address(a)));
        } else if (value != null) {
            out.add(address(value));
        }
        return out;
    }

    private static Map<String, Object> map(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(k1, v1);
        out.put(k2, v2);
        return out;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
