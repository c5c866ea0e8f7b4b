package dev.basalt.hooks.js;

import dev.basalt.auth.MailMessage;
import dev.basalt.hooks.HookEvent;
import dev.basalt.hooks.MailerEvent;
import dev.basalt.hooks.RealtimeMessageEvent;
import dev.basalt.hooks.RealtimeSubscribeRequestEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changeable part of an event as hook code sees it ({@code e.message} of mailer and realtime message events,
 * {@code e.subscriptions} of subscribe requests), as JSON; the prelude writes it back before {@code e.next()}.
 */
final class JsPayloads {
    private JsPayloads() {
    }

    static String read(HookEvent event) {
        return JsJson.write(switch (event) {
            case MailerEvent e -> message(e.message());
            case RealtimeMessageEvent e -> map("name", e.message().name(), "data", e.message().data());
            case RealtimeSubscribeRequestEvent e -> e.subscriptions();
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
            default -> { }
        }
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
