package dev.basalt.hooks.js;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.query.QueryLimits;
import dev.basalt.records.ListParams;
import dev.basalt.records.RecordErrors;
import dev.basalt.records.RecordInput;
import dev.basalt.records.RecordRequest;
import dev.basalt.records.RecordService;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code $app} for hook code: reads and writes records as a superuser through {@link RecordService} (so through the
 * one write path and its hooks), transactions, mail and the log. Records cross as PocketBase's JSON text.
 */
public final class JsApp {
    /** Records {@code findAllRecords} and an unlimited {@code findRecordsByFilter} return at most. */
    static final int FIND_ALL_LIMIT = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger("dev.basalt.hooks.js");
    /** Hook code acts with the server's authority, as PocketBase's {@code $app}. */
    private static final RecordRequest SYSTEM = RecordRequest.of(new Caller("hooks", "", "_superusers", true,
            Map.of()));
    private final CollectionRegistry collections;
    private final RecordService records;
    private final TransactionTemplate tx;
    private final JsMails mails;

    JsApp(CollectionRegistry collections, RecordService records, TransactionTemplate tx, JsMails mails) {
        this.collections = collections;
        this.records = records;
        this.tx = tx;
        this.mails = mails;
    }

    @HostAccess.Export
    public String findRecordById(String collection, String id) {
        try {
            return JsJson.write(records.view(collection(collection), id, SYSTEM));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Records matching a filter ({@code {:name}} placeholders bound from {@code paramsJson}), sorted, skipping
     * {@code offset} and at most {@code limit} (0: all, up to {@link #FIND_ALL_LIMIT}).
     */
    @HostAccess.Export
    @SuppressWarnings("unchecked")
    public String findRecords(String collection, String filter, String sort, int limit, int offset,
                              String paramsJson) {
        Collection c = collection(collection);
        String where = FilterParams.bind(filter, JsJson.readMap(paramsJson));
        int wanted = limit <= 0 ? FIND_ALL_LIMIT : Math.min(limit, FIND_ALL_LIMIT);
        int perPage = QueryLimits.MAX_PER_PAGE;
        List<Object> out = new ArrayList<>();
        int skip = Math.max(0, offset);
        for (int page = skip / perPage + 1; out.size() < wanted; page++) {
            ListParams params = ListParams.parse(String.valueOf(page), String.valueOf(perPage), sort, where, "true");
            List<Object> items = (List<Object>) records.list(c, params, SYSTEM).get("items");
            int from = page == skip / perPage + 1 ? skip % perPage : 0;
            for (int i = from; i < items.size() && out.size() < wanted; i++) {
                out.add(items.get(i));
            }
            if (items.size() < perPage) {
                break;
            }
        }
        return JsJson.write(out);
    }

    @HostAccess.Export
    public String findCollection(String nameOrId) {
        return collections.find(nameOrId).map(c -> JsJson.write(JsJson.collection(c))).orElse(null);
    }

    /** Creates ({@code isNew}) or updates a record from its JSON values and files; returns it as saved. */
    @HostAccess.Export
    public String save(String collection, String json, boolean isNew, Value files) {
        Collection c = collection(collection);
        RecordInput values = RecordInput.of(JsFilesystem.decodeMap(json, files));
        if (isNew) { // an empty id asks for a generated one
            RecordInput body = values.without(k -> k.equals("id") && "".equals(values.get(k)));
            return JsJson.write(records.create(c, body, SYSTEM));
        }
        return JsJson.write(records.update(c, values.id(), values, SYSTEM));
    }

    @HostAccess.Export
    public void remove(String collection, String id) {
        records.delete(collection(collection), id, SYSTEM);
    }

    /** Runs {@code fn} in one transaction: every save and delete in it commits together or not at all. */
    @HostAccess.Export
    public void inTransaction(Value fn) {
        tx.executeWithoutResult(status -> fn.executeVoid());
    }

    /** Sends a {@code MailerMessage} ({@code to}: [{address}], {@code subject}, {@code html}) to each recipient. */
    @HostAccess.Export
    @SuppressWarnings("unchecked")
    public void sendMail(String messageJson) {
        Map<String, Object> message = JsJson.readMap(messageJson);
        String subject = String.valueOf(message.getOrDefault("subject", ""));
        Object html = message.get("html") != null ? message.get("html") : message.getOrDefault("text", "");
        for (Object to : message.get("to") instanceof List<?> l ? l : List.of()) {
            String address = to instanceof Map<?, ?> m ? String.valueOf(((Map<String, Object>) m).get("address"))
                    : String.valueOf(to);
            mails.send(address, subject, String.valueOf(html));
        }
    }

    /** {@code $mails}: PocketBase's account mails to a record ({@code verification}, {@code password-reset}...). */
    @HostAccess.Export
    public void sendRecordMail(String kind, String collection, String id, String newEmail) {
        mails.send(kind, collection(collection), id, newEmail);
    }

    /** {@code $mails.sendRecordOTP(app, record, otpId, pass)}: the collection's OTP mail with that code. */
    @HostAccess.Export
    public void sendRecordOtp(String collection, String id, String otpId, String password) {
        mails.sendOtp(collection(collection), id, otpId, password);
    }

    @HostAccess.Export
    public void log(String level, String message, String attrsJson) {
        String attrs = "[]".equals(attrsJson) ? "" : " " + attrsJson;
        switch (level) {
            case "debug" -> LOG.debug("{}{}", message, attrs);
            case "warn" -> LOG.warn("{}{}", message, attrs);
            case "error" -> LOG.error("{}{}", message, attrs);
            default -> LOG.info("{}{}", message, attrs);
        }
    }

    private Collection collection(String nameOrId) {
        return collections.find(nameOrId).orElseThrow(RecordErrors.COLLECTION_MISSING::exception);
    }
}
