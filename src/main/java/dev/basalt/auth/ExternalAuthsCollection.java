package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.TextField;
import java.util.List;

/**
 * The system collection {@code _externalAuths}, as PocketBase defines it: the OAuth2 accounts linked to auth
 * records. Owners may list, view and delete (unlink) their own links; links are created by OAuth2 sign-in only.
 */
final class ExternalAuthsCollection {
    static final String NAME = "_externalAuths";
    static final String ID = "pbc_2281828961";
    private static final String OWN = "@request.auth.id != '' && recordRef = @request.auth.id "
            + "&& collectionRef = @request.auth.collectionId";

    private ExternalAuthsCollection() {
    }

    static Collection definition() {
        return new Collection(ID, NAME, Collection.BASE, true, List.of(
                TextField.idField(),
                text("text2672715520", "collectionRef"),
                text("text4123389330", "recordRef"),
                text("text2462348188", "provider"),
                text("text1044722854", "providerId"),
                new AutodateField("autodate2990389176", "created", "autodate", true, false, false, true, false),
                new AutodateField("autodate3332085495", "updated", "autodate", true, false, false, true, true)),
                List.of("CREATE UNIQUE INDEX `idx_externalAuths_record_provider` ON `_externalAuths` "
                                + "(`collectionRef`, `recordRef`, `provider`)",
                        "CREATE UNIQUE INDEX `idx_externalAuths_collection_provider` ON `_externalAuths` "
                                + "(`collectionRef`, `provider`, `providerId`)"),
                OWN, OWN, null, null, OWN, null, null);
    }

    private static TextField text(String id, String name) {
        return new TextField(id, name, "text", true, false, false, true, 0, 0, "", "", false);
    }
}
