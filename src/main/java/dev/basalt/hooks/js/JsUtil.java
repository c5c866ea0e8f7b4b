package dev.basalt.hooks.js;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.basalt.hooks.js.template.GoTemplates;
import dev.basalt.hooks.js.template.TemplateException;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.FieldError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.springframework.web.util.HtmlUtils;

/**
 * The utilities of hook code: {@code $security} (random strings, digests, HMACs, JWTs, AES-GCM), {@code $os.getenv},
 * {@code $http.send} ({@link JsHttp}), templates' files and escaping, {@code sleep}, and the API errors hook code
 * throws ({@code BadRequestError} and the like) turned into the server's.
 */
public final class JsUtil {
    /** PocketBase's default alphabet of random strings. */
    static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** The longest {@code sleep} a handler may ask for. */
    static final Duration MAX_SLEEP = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path hooksDir;
    private final JsHttp http = new JsHttp();

    JsUtil(Path hooksDir) {
        this.hooksDir = hooksDir.toAbsolutePath().normalize();
    }

    /** Throws the server's API error for a {@code throw new BadRequestError(message, data)} of hook code. */
    @HostAccess.Export
    @SuppressWarnings("unchecked")
    public void fail(int status, String message, String dataJson) {
        Map<String, FieldError> data = new LinkedHashMap<>();
        JsJson.readMap(dataJson).forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> e = (Map<String, Object>) m;
                data.put(k, new FieldError(String.valueOf(e.getOrDefault("code", "validation_invalid")),
                        String.valueOf(e.getOrDefault("message", ""))));
            } else {
                data.put(k, new FieldError("validation_invalid", String.valueOf(v)));
            }
        });
        throw new ApiException(status, message, data);
    }

    @HostAccess.Export
    public String randomString(int length, String alphabet) {
        String chars = alphabet == null || alphabet.isEmpty() ? ALPHANUMERIC : alphabet;
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        return out.toString();
    }

    @HostAccess.Export
    public String digest(String algorithm, String text) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @HostAccess.Export
    public String hmac(String algorithm, String text, String secret) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @HostAccess.Export
    public boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** An HS256 JWT of the claims, expiring after {@code seconds} (none when 0). */
    @HostAccess.Export
    public String createJwt(String claimsJson, String secret, long seconds) throws ParseException, JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(JWTClaimsSet.parse(JsJson.readMap(claimsJson)));
        if (seconds > 0) {
            claims.expirationTime(new Date(System.currentTimeMillis() + seconds * 1000));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(padded(secret)));
        return jwt.serialize();
    }

    /** The claims of a JWT as JSON: verified against {@code secret} (HS256) and its expiry, or unverified when "". */
    @HostAccess.Export
    public String parseJwt(String token, String secret) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!secret.isEmpty()) {
            Date exp = jwt.getJWTClaimsSet().getExpirationTime();
            if (!jwt.verify(new MACVerifier(padded(secret))) || (exp != null && exp.before(new Date()))) {
                throw new IllegalArgumentException("Invalid or expired token.");
            }
        }
        Map<String, Object> claims = new LinkedHashMap<>(jwt.getJWTClaimsSet().toJSONObject());
        return JsJson.write(claims);
    }

    @HostAccess.Export
    public String encrypt(String data, String key) throws GeneralSecurityException {
        return AesGcm.encrypt(data, key);
    }

    @HostAccess.Export
    public String decrypt(String cipher, String key) throws GeneralSecurityException {
        return AesGcm.decrypt(cipher, key);
    }

    @HostAccess.Export
    public String getenv(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    @HostAccess.Export
    public String httpSend(String configJson) {
        return JsJson.write(http.send(JsJson.readMap(configJson)));
    }

    @HostAccess.Export
    public String escapeHtml(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    /**
     * A file of the hooks directory (templates); nothing outside it. A relative path is taken from the hooks
     * directory, or from its parent when it names the directory itself ({@code pb_hooks/views/a.html}, as
     * PocketBase resolves from the directory the server runs in).
     */
    @HostAccess.Export
    public String readHookFile(String path) throws IOException {
        return Files.readString(hookFile(path));
    }

    /** The path of a file of the hooks directory (see {@link #readHookFile}); refused outside it. */
    Path hookFile(String path) {
        Path file = hooksDir.resolve(path).toAbsolutePath().normalize();
        Path fromParent = hooksDir.getParent() == null ? file : hooksDir.getParent().resolve(path).normalize();
        if (!Path.of(path).isAbsolute() && !Files.exists(file) && fromParent.startsWith(hooksDir)) {
            file = fromParent;
        }
        if (!file.startsWith(hooksDir)) {
            throw new IllegalArgumentException("Hook code may read files of the hooks directory only.");
        }
        return file;
    }

    /**
     * {@code $template.loadString(text).render(data)}: Go's html/template on the data (as JSON). Answers
     * {@code {"html"}}, or {@code {"error"}} for the prelude to throw as a JS error (PocketBase's render returns one).
     */
    @HostAccess.Export
    public String renderTemplate(String text, String dataJson, Value funcs) {
        return rendered(() -> GoTemplates.parse(List.of(new GoTemplates.Source("", text)), funcs(funcs))
                .render(JsJson.read(dataJson)));
    }

    /**
     * {@code $template.loadFiles(...files).render(data)}: the files (of the hooks directory) parsed together, each
     * named by its base name as Go's ParseFiles does; the first one is rendered.
     */
    @HostAccess.Export
    public String renderTemplateFiles(String filesJson, String dataJson, Value funcs) throws IOException {
        List<GoTemplates.Source> sources = new ArrayList<>();
        for (Object file : JsJson.read(filesJson) instanceof List<?> l ? l : List.of()) {
            String path = String.valueOf(file);
            sources.add(new GoTemplates.Source(Path.of(path).getFileName().toString(), readHookFile(path)));
        }
        return rendered(() -> GoTemplates.parse(sources, funcs(funcs)).render(JsJson.read(dataJson)));
    }

    /**
     * {@code $template.addFuncs}' functions, each given by the prelude as a JS function of the arguments' JSON that
     * answers the result's JSON; a JS error is the call's error, as a Go function's returned error.
     */
    private static Map<String, java.util.function.Function<List<Object>, Object>> funcs(Value funcs) {
        Map<String, java.util.function.Function<List<Object>, Object>> out = new LinkedHashMap<>();
        for (String name : funcs == null || !funcs.hasMembers() ? java.util.Set.<String>of() : funcs.getMemberKeys()) {
            Value fn = funcs.getMember(name);
            out.put(name, args -> {
                try {
                    return JsJson.read(fn.execute(JsJson.write(args)).asString());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            });
        }
        return out;
    }

    private static String rendered(java.util.function.Supplier<String> render) {
        try {
            return JsJson.write(Map.of("html", render.get()));
        } catch (TemplateException | IllegalArgumentException e) {
            return JsJson.write(Map.of("error", e.getMessage()));
        }
    }

    /**
     * The file a {@code require(path)} names: {@code path} resolved against {@code dir} (the requiring module's
     * directory), with {@code .js} added when the name has none; only files of the hooks directory.
     */
    @HostAccess.Export
    public String modulePath(String path, String dir) {
        Path file = Path.of(dir).resolve(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file) && !file.getFileName().toString().endsWith(".js")) {
            file = file.resolveSibling(file.getFileName() + ".js");
        }
        if (!file.startsWith(hooksDir)) {
            throw new IllegalArgumentException("require() loads modules of the hooks directory only: " + path);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Cannot find module " + path);
        }
        return file.toString();
    }

    /**
     * A CommonJS module's code, compiled in the calling context as {@code function (module, exports, require,
     * __filename, __dirname)}; named by its path, so its errors show its file and line.
     */
    @HostAccess.Export
    public Value module(String file) throws IOException {
        Path path = Path.of(modulePath(file, hooksDir.toString()));
        String name = hooksDir.getParent() == null ? path.toString() : hooksDir.getParent().relativize(path).toString();
        String code = "(function (module, exports, require, __filename, __dirname) {" + Files.readString(path) + "\n})";
        return Context.getCurrent().eval(Source.newBuilder("js", code, name).build());
    }

    @HostAccess.Export
    public void sleep(long millis) throws InterruptedException {
        Thread.sleep(Math.max(0, Math.min(millis, MAX_SLEEP.toMillis())));
    }

    /** The HTTP client of {@code $http.send}, also for {@code $filesystem.fileFromURL}. */
    JsHttp http() {
        return http;
    }

    @HostAccess.Export
    public String hooksDir() {
        return hooksDir.toString();
    }

    /** HS256 keys of at least 256 bits, as Nimbus requires: a shorter secret is zero-padded. */
    private static byte[] padded(String secret) {
        byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
        return raw.length >= 32 ? raw : java.util.Arrays.copyOf(raw, 32);
    }
}
