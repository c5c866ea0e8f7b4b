package dev.basalt.batch.internal;

import dev.basalt.records.RequestInfos;
import dev.basalt.auth.RequestRateLimits;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.query.RequestInfo;
import dev.basalt.records.RecordApiCall;
import dev.basalt.records.RecordErrors;
import dev.basalt.records.RecordInput;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordRequest;
import dev.basalt.records.RecordRequestInterceptor;
import dev.basalt.records.RecordService;
import dev.basalt.records.ResponseShape;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import dev.basalt.shared.CommonErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the sub-requests of a batch in order, in one transaction bounded by the batch timeout, through the same
 * {@link RecordService} calls as the single endpoints (so the same rules and validation apply; its own
 * transactions join this one). The first failure rolls everything back. Each sub-request is counted by the rate
 * limits under its own labels ({@code posts:create}, {@code *:create}, its method and path), as in PocketBase.
 * Each sub-request passes the record request hooks ({@code onRecordCreateRequest} and the others) as the single
 * endpoints do, with the sub-request's method, path and headers; a hook's own answer is that sub-request's result.
 */
@Component
class BatchProcessor {
    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);
    private static final String QUERY_CANCELED = "57014";

    private final CollectionRegistry collections;
    private final RecordService records;
    private final RecordReads store;
    private final PlatformTransactionManager transactions;
    private final BatchLimits limits;
    private final RequestRateLimits rateLimits;
    private final List<RecordRequestInterceptor> interceptors;

    BatchProcessor(CollectionRegistry collections, RecordService records, RecordReads store,
                   PlatformTransactionManager transactions, BatchLimits limits, RequestRateLimits rateLimits,
                   List<RecordRequestInterceptor> interceptors) {
        this.rateLimits = rateLimits;
        this.interceptors = List.copyOf(interceptors);
        this.collections = collections;
        this.records = records;
        this.store = store;
        this.transactions = transactions;
        this.limits = limits;
    }

    /** The results ({@code [{status, body}]}) of every sub-request; throws {@link BatchFailure} otherwise. */
    List<Map<String, Object>> run(List<BatchRequest> requests, Caller caller, RequestInfo batchInfo,
                                  HttpServletRequest batch) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        int timeoutSeconds = limits.current().timeoutSeconds();
        tx.setTimeout(timeoutSeconds);
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        try {
            return tx.execute(status -> {
                List<Map<String, Object>> results = new ArrayList<>();
                for (int i = 0; i < requests.size(); i++) {
                    if (System.nanoTime() > deadline) {
                        throw BatchFailure.whole();
                    }
                    results.add(runOne(i, requests.get(i), caller, batchInfo, batch));
                }
                return results;
            });
        } catch (BatchFailure e) {
            throw e;
        } catch (RuntimeException e) {
            if (timedOut(e)) {
                throw BatchFailure.whole();
            }
            throw e;
        }
    }

    private Map<String, Object> runOne(int index, BatchRequest request, Caller caller, RequestInfo batchInfo,
                                       HttpServletRequest batch) {
        try {
            return execute(request, caller, batchInfo, batch);
        } catch (ApiException e) {
            throw BatchFailure.at(index, e);
        } catch (BatchFailure e) {
            throw e;
        } catch (RuntimeException e) {
            if (timedOut(e)) {
                throw BatchFailure.whole();
            }
            log.error("Batch sub-request {} ({} {}) failed", index, request.method(), request.url(), e);
            throw BatchFailure.at(index, CommonErrors.REQUEST_FAILED.exception());
        }
    }

    private Map<String, Object> execute(BatchRequest request, Caller caller, RequestInfo batchInfo,
                                        HttpServletRequest batch) {
        BatchRoute route = BatchRoute.match(request.method(), request.url())
                .orElseThrow(() -> ApiException.badRequest("Unknown batch request action."));
        Collection collection = collections.find(route.collection())
                .orElseThrow(RecordErrors.COLLECTION_MISSING::exception);
        ResponseShape shape = ResponseShape.of(route.query().get("fields"), route.query().get("expand"));
        RecordInput body = RecordInput.of(request.body());
        RecordRequest sub = new RecordRequest(caller,
                RequestInfos.subRequest(batchInfo, request.method(), route.query(), request.headers()), shape);
        String path = request.url().split("\\?", 2)[0];
        SubRequest http = new SubRequest(batch, request);
        return switch (route.action()) {
            case CREATE -> {
                rateLimits.checkSubRequest(batch, collection, "create", request.method(), path);
                yield hooked(new RecordApiCall(RecordApiCall.Kind.CREATE, collection, null, copy(body), http),
                        call -> result(200, records.create(collection, RecordInput.of(call.body()), sub)));
            }
            case UPDATE -> {
                rateLimits.checkSubRequest(batch, collection, "update", request.method(), path);
                yield hooked(new RecordApiCall(RecordApiCall.Kind.UPDATE, collection, route.id(), copy(body), http),
                        call -> result(200, records.update(collection, route.id(), RecordInput.of(call.body()), sub)));
            }
            case UPSERT -> {
                String id = body.id();
                boolean exists = !id.isEmpty() && store.findById(collection, id).isPresent();
                // PocketBase runs an upsert as the update (at the record's path) or the create it turns out to be.
                rateLimits.checkSubRequest(batch, collection, exists ? "update" : "create", request.method(),
                        exists ? path + "/" + id : path);
                yield exists
                        ? hooked(new RecordApiCall(RecordApiCall.Kind.UPDATE, collection, id, copy(body), http),
                                call -> result(200, records.update(collection, id, RecordInput.of(call.body()), sub)))
                        : hooked(new RecordApiCall(RecordApiCall.Kind.CREATE, collection, null, copy(body), http),
                                call -> result(200, records.create(collection, RecordInput.of(call.body()), sub)));
            }
            case DELETE -> {
                rateLimits.checkSubRequest(batch, collection, "delete", request.method(), path);
                yield hooked(new RecordApiCall(RecordApiCall.Kind.DELETE, collection, route.id(), null, http), call -> {
                    records.delete(collection, route.id(), sub);
                    return result(204, null);
                });
            }
        };
    }

    /** Runs {@code handler} through the record request hooks; the answer (the handler's or a hook's) as a result. */
    private Map<String, Object> hooked(RecordApiCall call,
                                       java.util.function.Function<RecordApiCall, Map<String, Object>> handler) {
        ResponseEntity<Object> answer = step(call, 0, () -> {
            Map<String, Object> handled = handler.apply(call);
            return ResponseEntity.status((Integer) handled.get("status")).body(handled.get("body"));
        });
        return result(answer.getStatusCode().value(), answer.getBody());
    }

    private ResponseEntity<Object> step(RecordApiCall call, int index, Supplier<ResponseEntity<Object>> handler) {
        if (index == interceptors.size()) {
            return handler.get();
        }
        return interceptors.get(index).around(call, () -> step(call, index + 1, handler));
    }

    /** A mutable copy: request hooks may change the submitted values. */
    private static Map<String, Object> copy(RecordInput body) {
        return new LinkedHashMap<>(body.asJson());
    }

    private static Map<String, Object> result(int status, Object body) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", status);
        r.put("body", body);
        return r;
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransactionTimedOutException || t instanceof QueryTimeoutException
                    || (t instanceof SQLException s && QUERY_CANCELED.equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
