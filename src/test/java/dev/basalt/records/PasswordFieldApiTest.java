package dev.basalt.records;

import static dev.basalt.records.RelationFixtures.collection;
import static dev.basalt.records.RelationFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** A password field in a base collection: checked, stored as a bcrypt hash, never printed or filterable. */
class PasswordFieldApiTest extends ApiTest {
    @Autowired
    private DataSource dataSource;

    @Test
    void passwordIsHashedHiddenAndValidated() throws Exception {
        String vault = unique("vault");
        Map<String, Object> definition = collection(vault, RelationFixtures.text("label"));
        @SuppressWarnings("unchecked")
        var fields = (java.util.List<Object>) definition.get("fields");
        fields.add(Map.of("name", "pin", "type", "password", "min", 8, "required", true));
        assertThat(post("/api/collections", definition, superuser()).status()).isEqualTo(200);
        String path = "/api/collections/" + vault + "/records";

        Response shortPin = post(path, Map.of("label", "a", "pin", "short"), null);
        assertThat(shortPin.status()).isEqualTo(400);
        assertThat(shortPin.json().get("data").get("pin").get("code").asString())
                .isEqualTo("validation_min_text_constraint");
        assertThat(post(path, Map.of("label", "a"), null).json().get("data").get("pin").get("code").asString())
                .isEqualTo("validation_required");

        Response created = post(path, Map.of("label", "a", "pin", "correct-pin"), null);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().has("pin")).isFalse();
        String id = created.json().get("id").asString();
        assertThat(get(path + "/" + id, superuser()).json().has("pin")).isFalse();
        assertThat(get(path + "?fields=id,pin", superuser()).json().get("items").get(0).has("pin")).isFalse();
        assertThat(get(path + "?filter=pin%3D'correct-pin'", null).status()).isEqualTo(400);

        String hash = storedPin(vault, id);
        assertThat(hash).startsWith("$2").isNotEqualTo("correct-pin");
        assertThat(BCrypt.checkpw("correct-pin", hash)).isTrue();

        assertThat(patch(path + "/" + id, Map.of("label", "b"), null).status()).isEqualTo(200);
        assertThat(storedPin(vault, id)).as("an update without the field keeps the hash").isEqualTo(hash);
        assertThat(patch(path + "/" + id, Map.of("pin", "another-pin"), null).status()).isEqualTo(200);
        assertThat(BCrypt.checkpw("another-pin", storedPin(vault, id))).isTrue();
    }

    private String storedPin(String table, String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pin FROM \"" + table + "\" WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
