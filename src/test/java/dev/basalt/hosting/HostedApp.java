package dev.basalt.hosting;

import dev.basalt.BasaltApplication;
import dev.basalt.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Basalt started in-process on a random port with extra arguments, plus HTTP helpers (client and raw socket). */
final class HostedApp implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final ConfigurableApplicationContext context;
    final int port;

    private HostedApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static HostedApp start(String... extraArgs) {
        try {
            List<String> args = new ArrayList<>(List.of("--server.port=0",
                    "--basalt.dir=" + Files.createTempDirectory("basalt-hosting-test"),
                    "--basalt.db.url=" + TestDatabase.createDatabase(), "--basalt.db.user=" + TestDatabase.user(),
                    "--basalt.db.password=" + TestDatabase.password()));
            args.addAll(List.of(extraArgs));
            return new HostedApp(new SpringApplication(BasaltApplication.class).run(args.toArray(String[]::new)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = request(path);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder b = request(path);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the request target exactly as given (no client-side normalization) and returns the whole answer. */
    String raw(String target) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
