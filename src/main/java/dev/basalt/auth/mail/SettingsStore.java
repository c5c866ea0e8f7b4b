package dev.basalt.auth.mail;

import dev.basalt.shared.ValidationErrors;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the settings (key {@code settings} in {@code _params}). Read from the database each time, so
 * a change is seen by every node at once; settings are read only when a mail is sent or the API asks.
 */
@Component
public class SettingsStore {
    private static final String KEY = "settings";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final org.jooq.Table<?> PARAMS = DSL.table(DSL.name("_params"));
    private static final org.jooq.Field<String> KEY_COLUMN = DSL.field(DSL.name("key"), SQLDataType.CLOB);
    private static final org.jooq.Field<JSONB> VALUE = DSL.field(DSL.name("value"), SQLDataType.JSONB);
    private final DSLContext dsl;
    private final Settings defaults;

    /**
     * @param rateLimitsEnabled whether the auth rate limit is on while no settings were saved
     *                          ({@code BASALT_RATE_LIMITS_DEFAULT_ENABLED}, default false as in PocketBase)
     */
    public SettingsStore(DSLContext dsl,
                         @Value("${basalt.rate-limits.default-enabled:false}") boolean rateLimitsEnabled) {
        this.dsl = dsl;
        this.defaults = Settings.defaults(rateLimitsEnabled);
    }

    /** The current settings (defaults for anything never saved). */
    public Settings current() {
        JSONB stored = dsl.select(VALUE).from(PARAMS).where(KEY_COLUMN.eq(KEY)).fetchOne(VALUE);
        if (stored == null) {
            return defaults;
        }
        ValidationErrors ignored = new ValidationErrors();
        return SettingsReader.merge(defaults, JSON.readValue(stored.data(), OBJECT), ignored);
    }

    /** Applies a patch; 400 with keys like {@code smtp.port} when invalid. */
    public Settings update(Map<String, Object> patch) {
        ValidationErrors errors = new ValidationErrors();
        Settings next = SettingsReader.merge(current(), patch, errors);
        errors.throwIfAny("An error occurred while validating the submitted data.");
        JSONB value = JSONB.valueOf(JSON.writeValueAsString(next.toStoredJson()));
        dsl.insertInto(PARAMS).set(KEY_COLUMN, KEY).set(VALUE, value)
                .onConflict(KEY_COLUMN).doUpdate().set(VALUE, value).set(DSL.field(DSL.name("updated")), DSL.currentOffsetDateTime())
                .execute();
        return next;
    }
}
