package dev.basalt.records;

import dev.basalt.access.AccessRules;
import dev.basalt.access.RuleCheck;
import dev.basalt.access.RuleDecision;
import dev.basalt.access.RuleType;
import dev.basalt.collections.Collection;
import dev.basalt.query.QueryPlan;
import dev.basalt.query.RequestInfo;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import dev.basalt.shared.FieldError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records API's operations: each checks the collection's rule for the caller, in SQL, before acting. This is
 * also the one write path for other modules (auth flags, CLI, OAuth2 links): they write as a superuser caller, so
 * every write passes {@link RecordWrites} and its listeners.
 */
@Service
public class RecordService {
    private final RecordStore store;
    private final AccessRules rules;
    private final TransactionTemplate tx;
    private final AuthRecordRules authRecords;
    private final RecordWrites writes;
    private final WriteErrors writeErrors = new WriteErrors();
    private final RelationIntegrity relations;
    private final RecordExpander expander;
    private final RecordFiles files;
    private final AuthIds authIds;
    private final Clock clock;
    private final RecordEnrichment enrichment;
    private final ListCounts counts;
    private final PlannedReads reads;

    RecordService(RecordStore store, AccessRules rules,
                  TransactionTemplate tx, AuthRecordRules authRecords, RelationIntegrity relations,
                  RecordExpander expander,
                  ObjectProvider<RecordFiles> files, RecordWrites writes, AuthIds authIds, Clock clock,
                  RecordEnrichment enrichment, ListCounts counts, PlannedReads reads) {
        this.counts = counts;
        this.reads = reads;
        this.clock = clock;
        this.enrichment = enrichment;
        this.authIds = authIds;
        this.authRecords = authRecords;
        this.expander = expander;
        this.files = files.getIfAvailable(() -> RecordFiles.NONE);
        this.relations = relations;
        this.store = store;
        this.rules = rules;
        this.tx = tx;
        this.writes = writes;
    }

    /**
     * A page of records the caller may list, as PocketBase's list JSON, with the related records the request's
     * shape expands and its fields selection.
     */
    public Map<String, Object> list(Collection collection, ListParams params, RecordRequest request) {
        Caller caller = request.caller();
        FieldSelection selection = FieldSelection.parse(request.shape().fields()); // a bad one is 400 before anything
        allowed(collection, RuleType.LIST, caller);
        QueryPlan plan = rules.listQuery(RuleCheck.of(collection, RuleType.LIST, caller, request.info()),
                params.filter(), params.sort(), params.page());
        List<RecordData> rows = reads.select(collection, plan); // SQL rendered once per plan shape
        Set<String> emails = collection.isAuth() ? authRecords.emailVisible(collection, rows, caller) : Set.of();
        List<Map<String, Object>> items = new ArrayList<>();
        for (RecordData row : rows) {
            items.add(RecordJson.render(row, caller.superuser(), emails.contains(row.id())));
        }
        expander.expand(collection, items, request);
        items.forEach(item -> enrichment.enrich(collection, item, caller));
        items.forEach(selection::apply);
        long total = -1;
        long pages = -1;
        if (!params.skipTotal()) {
            total = reads.count(collection, plan, counts);
            pages = (total + params.page().perPage() - 1) / params.page().perPage();
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("page", params.page().page());
        page.put("perPage", params.page().perPage());
        page.put("totalItems", total);
        page.put("totalPages", pages);
        page.put("items", items);
        return page;
    }

    /** One record the caller may view, in the request's shape; 404 otherwise. */
    public Map<String, Object> view(Collection collection, String id, RecordRequest request) {
        Caller caller = request.caller();
        // no row filter (an empty rule, a superuser): the by-id statement rendered once per collection version
        // a row filter: the rule's plan AND the id, its SQL rendered once per plan shape (the caller's values bound)
        RecordData row = (allowed(collection, RuleType.VIEW, caller) instanceof RuleDecision.Filter
                ? reads.selectOne(collection, rules.byIdQuery(RuleCheck.of(collection, RuleType.VIEW, caller,
                        request.info()), id))
                : store.findById(collection, id)).orElseThrow(ApiException::notFound);
        return output(row, request);
    }

    /**
     * True when the record exists and the collection's viewRule lets {@code caller} see it (checked in the
     * {@code protectedFile} context: this serves protected files).
     */
    public boolean canView(Collection collection, String id, Caller caller) {
        Condition rule = rules.condition(RuleCheck.of(collection, RuleType.VIEW, caller,
                RequestInfo.NONE.withContext("protectedFile")));
        return store.exists(collection, rule.and(RecordTables.id(collection).eq(id)));
    }

    /** A stored record as the caller sees it: JSON, then expand, then the fields selection. */
    private Map<String, Object> output(RecordData row, RecordRequest request) {
        Collection collection = row.collection();
        Caller caller = request.caller();
        FieldSelection selection = FieldSelection.parse(request.shape().fields());
        boolean email = collection.isAuth() && authRecords.emailVisible(collection, List.of(row), caller)
                .contains(row.id());
        Map<String, Object> json = RecordJson.render(row, caller.superuser(), email);
        expander.expand(collection, List.of(json), request);
        enrichment.enrich(collection, json, caller);
        return selection.apply(json);
    }

    /**
     * Expands relations of an already rendered record in place, as the request's caller may view them (e.g. the
     * record of an auth response, expanded as the record that just signed in, as in PocketBase).
     */
    public void expand(Collection collection, Map<String, Object> json, RecordRequest request) {
        expander.expand(collection, List.of(json), request);
    }

    /**
     * Creates a record if the create rule holds for it as stored (400 otherwise, with nothing written); the rule's
     * {@code @request.body} is {@code body}; the answer has the request's shape (expand checks each related record's
     * viewRule).
     */
    public Map<String, Object> create(Collection collection, RecordInput body, RecordRequest request) {
        refuseView(collection);
        Caller caller = request.caller();
        RequestInfo info = withBody(request.info(), "POST", body);
        RuleDecision decision = allowed(collection, RuleType.CREATE, caller);
        RecordInput written = HiddenInput.strip(collection, body, caller.superuser());
        RecordFiles.Uploads uploads = files.accept(collection, written, RecordErrors.CREATE_FAILED.message());
        RecordInput input = AuthRecordInput.prepare(collection, uploads.body(), null, caller.superuser());
        RecordDraft draft = RecordDraft.forCreate(collection, input, clock);
        RoleInput.check(draft, caller.superuser(), RecordErrors.CREATE_FAILED);
        tx.executeWithoutResult(status -> {
            relations.checkTargetsExist(draft, RecordErrors.CREATE_FAILED);
            authIds.claim(collection, draft.id(), RecordErrors.CREATE_FAILED);
            uploads.store(draft.record());
            writeErrors.run(collection, RecordErrors.CREATE_FAILED, () -> writes.insert(draft));
            if (!caller.superuser() && AuthRecordInput.requestsVerified(collection, input)
                    && !authRecords.canManage(collection, draft.id(), caller)) {
                status.setRollbackOnly();
                throw RecordErrors.CREATE_FAILED.exception(Map.of("verified",
                        new FieldError("validation_values_mismatch", "The verified state can be set only by a manager.")));
            }
            if (decision instanceof RuleDecision.Filter) {
                Condition check = rules.condition(RuleCheck.of(collection, RuleType.CREATE, caller, info))
                        .and(RecordTables.id(collection).eq(draft.id()));
                if (!store.exists(collection, check)) {
                    status.setRollbackOnly();
                    throw RecordErrors.CREATE_FAILED.exception();
                }
            }
        });
        return output(draft.record(), new RecordRequest(caller, info, request.shape()));
    }

    /**
     * Updates a record the caller may update (404 when it is missing or outside the rule): the rule is checked
     * against the stored record and {@code @request.body} (= {@code body}) before anything is written; the answer
     * has the request's shape.
     */
    public Map<String, Object> update(Collection collection, String id, RecordInput body, RecordRequest request) {
        refuseView(collection);
        Caller caller = request.caller();
        RequestInfo info = withBody(request.info(), "PATCH", body);
        Condition where = rowFilter(collection, RuleType.UPDATE, caller, info, id);
        RecordInput written = HiddenInput.strip(collection, body, caller.superuser());
        RecordFiles.Uploads uploads = files.accept(collection, written, RecordErrors.UPDATE_FAILED.message());
        RecordDraft draft = tx.execute(status -> {
            RecordData current = locked(collection, id, where).orElseThrow(ApiException::notFound);
            boolean manager = collection.isAuth() && authRecords.canManage(collection, id, caller);
            RecordInput input = AuthRecordInput.prepare(collection, uploads.body(), current, manager);
            RecordDraft d = RecordDraft.forUpdate(current, input, clock);
            RoleInput.check(d, caller.superuser(), RecordErrors.UPDATE_FAILED);
            relations.checkTargetsExist(d, RecordErrors.UPDATE_FAILED);
            uploads.store(d.record());
            writeErrors.run(collection, RecordErrors.UPDATE_FAILED, () -> writes.update(d));
            return d;
        });
        return output(draft.record(), new RecordRequest(caller, info, request.shape()));
    }

    /** Deletes a record the caller may delete; 404 when it is missing or outside the rule. */
    public void delete(Collection collection, String id, RecordRequest request) {
        refuseView(collection);
        RequestInfo info = request.info() == RequestInfo.NONE ? RequestInfo.NONE.withBody("DELETE", Map.of())
                : request.info();
        Condition where = rowFilter(collection, RuleType.DELETE, request.caller(), info, id);
        tx.executeWithoutResult(status -> {
            locked(collection, id, where).orElseThrow(ApiException::notFound);
            relations.delete(collection, RecordTables.id(collection).eq(id)); // announces it
        });
    }

    /**
     * The request info a write's rule reads: its {@code @request.body} is the written body; a request without HTTP
     * details (a write the server makes) gets the method the REST API would have used.
     */
    private static RequestInfo withBody(RequestInfo info, String method, RecordInput body) {
        return info.withBody(info == RequestInfo.NONE ? method : info.method(), RequestInfos.body(body.asJson()));
    }

    /** View collections are read-only (PocketBase answers 400). */
    private static void refuseView(Collection collection) {
        if (collection.isView()) {
            throw RecordErrors.VIEW_COLLECTION_READ_ONLY.exception();
        }
    }

    private RuleDecision allowed(Collection collection, RuleType type, Caller caller) {
        RuleDecision decision = rules.decide(collection, type, caller);
        if (decision instanceof RuleDecision.SuperusersOnly) {
            throw RecordErrors.SUPERUSERS_ONLY.exception();
        }
        return decision;
    }

    /**
     * The rule's condition on the record with this id, or null when the rule filters no row (an empty rule, a
     * superuser): then the record is read by the statement rendered once per collection version.
     */
    private Condition rowFilter(Collection collection, RuleType type, Caller caller, RequestInfo info, String id) {
        if (!(allowed(collection, type, caller) instanceof RuleDecision.Filter)) {
            return null;
        }
        return rules.condition(RuleCheck.of(collection, type, caller, info)).and(RecordTables.id(collection).eq(id));
    }

    /** The record with this id, if {@code where} (null: no rule filter) holds, locked FOR UPDATE. */
    private java.util.Optional<RecordData> locked(Collection collection, String id, Condition where) {
        return where == null ? store.lockById(collection, id) : store.findWhere(collection, where, true);
    }
}
