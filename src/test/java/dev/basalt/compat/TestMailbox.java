package dev.basalt.compat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real SMTP server (GreenMail) for the SDK suite, and a small HTTP endpoint on 127.0.0.1 ({@code GET /mails})
 * that lists the received mails as JSON ({@code [{to, subject, body}]}), so the node tests can read them back.
 */
final class TestMailbox implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final GreenMail smtp;
    private final HttpServer http;

    TestMailbox() throws IOException {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        // any user name and password sign in, e.g. the README's example SMTP settings (readme.test.mjs)
        smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/mails", exchange -> {
            byte[] body = JSON.writeValueAsBytes(mails());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/mails";
    }

    private List<Map<String, Object>> mails() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                Map<String, Object> mail = new LinkedHashMap<>();
                mail.put("to", Arrays.stream(m.getAllRecipients()).map(Address::toString).toList());
                mail.put("subject", m.getSubject());
                mail.put("body", new String(GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=")
                        .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                out.add(mail);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }
}
