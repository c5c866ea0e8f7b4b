package dev.basalt.auth;

import dev.basalt.records.RecordRequest;
import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.shared.Caller;
import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.BoolField;
import dev.basalt.collections.fields.EmailField;
import dev.basalt.collections.fields.PasswordField;
import dev.basalt.collections.fields.TextField;
import java.util.List;

/** The definition of the system auth collection {@code _superusers}, as PocketBase defines it. */
final class SuperuserCollection {
    static final String NAME = "_superusers";
    static final String ID = "pbc_3142635823";
    /** The server itself, as the caller of the writes it makes on its own (verified flags, CLI, OAuth2 links). */
    static final RecordRequest SYSTEM_WRITE = RecordRequest.of(new Caller("system", ID, NAME, true,
            java.util.Map.of()));
    /** Lifetime of a superuser's auth token, in seconds (PocketBase's default: one day). */
    static final long TOKEN_SECONDS = 86_400;

    private SuperuserCollection() {
    }

    static Collection definition() {
        return new Collection(ID, NAME, Collection.AUTH, true, List.of(
                TextField.idField(),
                new PasswordField("password901924565", "password", "password", true, true, false, true, 8, 0, "", 10),
                new TextField("text2504183744", "tokenKey", "text", true, true, false, true, 30, 60, "",
                        "[a-zA-Z0-9]{50}", false),
                new EmailField("email3885137012", "email", "email", true, false, false, true, null, null),
                new BoolField("bool1547992806", "emailVisibility", "bool", true, false, false, false),
                new BoolField("bool256245529", "verified", "bool", true, false, false, false),
                new AutodateField("autodate2990389176", "created", "autodate", true, false, false, true, false),
                new AutodateField("autodate3332085495", "updated", "autodate", true, false, false, true, true)),
                List.of("CREATE UNIQUE INDEX `idx_tokenKey_pbc_3142635823` ON `_superusers` (`tokenKey`)",
                        "CREATE UNIQUE INDEX `idx_email_pbc_3142635823` ON `_superusers` (`email` COLLATE NOCASE) WHERE `email` != ''"),
                null, null, null, null, null, null, null,
                AuthOptions.defaults().withAuthTokenDuration(TOKEN_SECONDS));
    }
}
