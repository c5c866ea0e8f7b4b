package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/settings/apple/generate-client-secret}: the answer is an ES256 JWT that the key's public half
 * verifies, with Apple's claims and the key id; bad input gets PocketBase's field codes; only superusers may ask.
 */
class AppleClientSecretApiTest extends AuthFixtures {
    private static final String PATH = "/api/settings/apple/generate-client-secret";

    @Test
    void signsAnEs256SecretForApple() throws Exception {
        KeyPair keys = ecKeys("secp256r1");
        Response r = post(PATH, Map.of("clientId", "com.example.app", "teamId", "TEAM123456", "keyId", "KEY1234567",
                "privateKey", pem(keys), "duration", 3600), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        SignedJWT jwt = SignedJWT.parse(r.get("secret").asString());
        assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) keys.getPublic()))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("KEY1234567");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("TEAM123456");
        assertThat(claims.getSubject()).isEqualTo("com.example.app");
        assertThat(claims.getAudience()).isEqualTo(List.of("https://appleid.apple.com"));
        long lifetime = (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
        assertThat(lifetime).isEqualTo(3600);
    }

    @Test
    void badInputIsRefusedWithFieldCodes() throws Exception {
        Response empty = post(PATH, Map.of(), superuser());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.get("message").asString()).isEqualTo("Invalid client secret data.");
        for (String field : List.of("clientId", "teamId", "keyId", "privateKey", "duration")) {
            assertThat(empty.get("data").get(field).get("code").asString()).as(field).isEqualTo("validation_required");
        }

        Response wrong = post(PATH, Map.of("clientId", "a", "teamId", "short", "keyId", "KEY1234567",
                "privateKey", "not a key", "duration", 15_777_001), superuser());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.get("data").get("teamId").get("code").asString()).isEqualTo("validation_length_invalid");
        assertThat(wrong.get("data").get("privateKey").get("code").asString()).isEqualTo("validation_match_invalid");
        assertThat(wrong.get("data").get("duration").get("code").asString())
                .isEqualTo("validation_max_less_equal_than_required");
        assertThat(wrong.get("data").has("keyId")).isFalse();

        Response otherCurve = post(PATH, Map.of("clientId", "a", "teamId", "TEAM123456", "keyId", "KEY1234567",
                "privateKey", pem(ecKeys("secp384r1")), "duration", 60), superuser());
        assertThat(otherCurve.status()).as("ES256 needs a P-256 key: " + otherCurve.body()).isEqualTo(400);
        assertThat(otherCurve.get("message").asString()).startsWith("Failed to generate client secret");
    }

    @Test
    void onlySuperusersMayAsk() throws Exception {
        Map<String, Object> body = Map.of("clientId", "a", "teamId", "TEAM123456", "keyId", "KEY1234567",
                "privateKey", pem(ecKeys("secp256r1")), "duration", 60);
        assertThat(post(PATH, body, null).status()).isEqualTo(401);
        String users = createUsers(Map.of());
        signUp(users, "apple-user@example.com");
        String token = signIn(users, "apple-user@example.com", PASSWORD).get("token").asString();
        assertThat(post(PATH, body, token).status()).isEqualTo(403);
    }

    private static KeyPair ecKeys(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
