package dev.basalt.auth;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.fields.PatternGenerator;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordInput;
import dev.basalt.records.RecordJson;
import dev.basalt.records.RecordService;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordRequest;
import dev.basalt.records.RecordTables;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code auth-with-oauth2}: exchanges the code, reads the provider's user, and finds the record to sign in: the
 * one linked in {@code _externalAuths}; else the signed-in caller's own record; else the record with the same email
 * when the provider vouches for it; else a new record from {@code createData} (through the records API, so the
 * collection's createRule applies) with a random password. Links are stored in {@code _externalAuths}.
 */
@Service
class OAuth2SignIn {
    private static final Logger log = LoggerFactory.getLogger(OAuth2SignIn.class);
    private static final String RANDOM_PASSWORD = "[a-zA-Z0-9]{30}";
    private final CollectionRegistry collections;
    private final OAuth2Providers providers;
    private final OAuth2Client client;
    private final RecordReads store;
    private final RecordService records;
    private final OAuth2Avatars avatars;

    /** The record to sign in, whether it was created now, and the provider's user. */
    record Outcome(RecordData row, boolean isNew, OAuth2User user) {
    }

    OAuth2SignIn(CollectionRegistry collections, OAuth2Providers providers, OAuth2Client client, RecordReads store,
                 RecordService records, OAuth2Avatars avatars) {
        this.collections = collections;
        this.providers = providers;
        this.client = client;
        this.store = store;
        this.records = records;
        this.avatars = avatars;
    }

    Outcome authenticate(Collection c, String providerName, String code, String codeVerifier, String redirectURL,
                         Map<String, Object> createData, Caller caller) {
        AuthOptions.OAuth2 options = c.authOptions().oauth2();
        if (!options.enabled()) {
            throw AuthErrors.OAUTH2_AUTH_DISABLED.exception();
        }
        if (code == null || code.isBlank()) {
            throw AuthErrors.SIGN_IN_FAILED.exception(Map.of("code", FieldError.required()));
        }
        OAuth2Provider provider = options.provider(providerName).flatMap(providers::resolve)
                .orElseThrow(() -> AuthErrors.OAUTH2_PROVIDER_MISSING.exception(Map.of("provider",
                        new FieldError("validation_invalid_value", "Unknown or disabled provider \"" + providerName
                                + "\"."))));
        OAuth2User user;
        try {
            user = client.user(provider, client.exchange(provider, code, codeVerifier, redirectURL));
        } catch (OAuth2Client.ProviderException e) {
            log.info("OAuth2 sign-in with {} failed: {}", provider.name(), e.getMessage());
            throw AuthErrors.OAUTH2_PROVIDER_FAILED.exception();
        }
        if (user.id().isEmpty()) {
            throw AuthErrors.OAUTH2_PROVIDER_FAILED.exception();
        }
        Collection links = collections.find(ExternalAuthsCollection.NAME).orElseThrow();
        Optional<RecordData> linked = store.findWhere(links, column(links, "collectionRef").eq(c.id())
                        .and(column(links, "provider").eq(provider.name()))
                        .and(column(links, "providerId").eq(user.id())))
                .flatMap(link -> store.findById(c, String.valueOf(link.get("recordRef"))));
        if (linked.isPresent()) {
            return new Outcome(markVerified(c, linked.get(), user), false, user);
        }
        Optional<RecordData> existing = Optional.empty();
        if (!caller.anonymous() && caller.collectionId().equals(c.id())) {
            existing = store.findById(c, caller.id());
        } else if (user.emailVerified() && !user.email().isEmpty()) {
            existing = store.findWhere(c, DSL.lower(column(c, "email")).eq(user.email().toLowerCase()));
        }
        boolean isNew = existing.isEmpty();
        RecordData row = existing.orElseGet(() -> create(c, options, user, createData));
        link(links, c, row, provider.name(), user.id());
        return new Outcome(markVerified(c, row, user), isNew, user);
    }

    private RecordData create(Collection c, AuthOptions.OAuth2 options, OAuth2User user,
                                       Map<String, Object> createData) {
        Map<String, Object> body = new LinkedHashMap<>(createData == null ? Map.of() : createData);
        if (!user.email().isEmpty()) {
            body.putIfAbsent("email", user.email());
            if (store.findWhere(c, DSL.lower(column(c, "email")).eq(user.email().toLowerCase())).isPresent()) {
                throw AuthErrors.OAUTH2_EMAIL_TAKEN.exception();
            }
        }
        String password = PatternGenerator.generate(RANDOM_PASSWORD);
        body.put("password", password);
        body.put("passwordConfirm", password);
        map(c, body, options.mappedFields().get("id"), user.id());
        map(c, body, options.mappedFields().get("name"), user.name());
        map(c, body, options.mappedFields().get("username"), user.username());
        avatars.map(c, body, options.mappedFields().get("avatarURL"), user.avatarURL());
        String id = RecordJson.id(records.create(c, RecordInput.of(body), RecordRequest.of(Caller.ANONYMOUS)));
        return store.findById(c, id).orElseThrow();
    }

    private static void map(Collection c, Map<String, Object> body, Object field, String value) {
        if (field instanceof String name && !name.isEmpty() && c.field(name).isPresent() && !value.isEmpty()) {
            body.putIfAbsent(name, value);
        }
    }

    private RecordData markVerified(Collection c, RecordData row, OAuth2User user) {
        if (user.emailVerified() && !row.bool("verified") && user.email().equalsIgnoreCase(row.text("email"))) {
            records.update(c, row.id(), RecordInput.of("verified", true), SuperuserCollection.SYSTEM_WRITE);
            return store.findById(c, row.id()).orElseThrow();
        }
        return row;
    }

    private void link(Collection links, Collection c, RecordData row, String provider, String providerId) {
        var same = column(links, "collectionRef").eq(c.id()).and(column(links, "provider").eq(provider))
                .and(column(links, "providerId").eq(providerId).or(column(links, "recordRef").eq(row.id())));
        for (Optional<RecordData> old = store.findWhere(links, same); old.isPresent();
             old = store.findWhere(links, same)) { // at most two: this provider id's link and this record's
            records.delete(links, old.get().id(), SuperuserCollection.SYSTEM_WRITE);
        }
        records.create(links, RecordInput.of(Map.of("collectionRef", c.id(), "recordRef", row.id(),
                "provider", provider, "providerId", providerId)), SuperuserCollection.SYSTEM_WRITE);
    }

    private static org.jooq.Field<String> column(Collection c, String field) {
        return RecordTables.column(c, c.field(field).orElseThrow()).cast(String.class);
    }
}
