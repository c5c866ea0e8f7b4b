package dev.basalt.hooks;

import dev.basalt.crons.CronRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * The application's hooks, as PocketBase's {@code app.On...()}: inject this bean and bind handlers, e.g.
 * {@code hooks.onRecordCreate().bind(e -> { e.record().put("slug", ...); e.next(); }, "posts")}. Record hooks pass
 * every write of the one write path; request hooks wrap the records REST API; routes and cron jobs are added here too.
 * Bind at start (a bean's constructor or {@code onBootstrap}); binding later works but races requests in flight.
 */
@Component
public class Hooks extends ServerHooks {
    private final Hook<RecordEvent> create = new Hook<>();
    private final Hook<RecordEvent> update = new Hook<>();
    private final Hook<RecordEvent> delete = new Hook<>();
    private final Hook<RecordEvent> afterCreate = new Hook<>();
    private final Hook<RecordEvent> afterUpdate = new Hook<>();
    private final Hook<RecordEvent> afterDelete = new Hook<>();
    private final Hook<RecordEvent> createError = new Hook<>();
    private final Hook<RecordEvent> updateError = new Hook<>();
    private final Hook<RecordEvent> deleteError = new Hook<>();
    private final Hook<RecordRequestEvent> listRequest = new Hook<>();
    private final Hook<RecordRequestEvent> viewRequest = new Hook<>();
    private final Hook<RecordRequestEvent> createRequest = new Hook<>();
    private final Hook<RecordRequestEvent> updateRequest = new Hook<>();
    private final Hook<RecordRequestEvent> deleteRequest = new Hook<>();
    private final Hook<RecordAuthRequestEvent> authRequest = new Hook<>();
    private final Hook<RecordEnrichEvent> enrich = new Hook<>();
    private final Hook<AppEvent> bootstrap = new Hook<>();
    private final Hook<AppEvent> serve = new Hook<>();
    private final Hook<AppEvent> terminate = new Hook<>();
    private final Hook<RequestEvent> routerUse = new Hook<>();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final CronRegistry crons;

    public Hooks(CronRegistry crons) {
        this.crons = crons;
    }

    /** Wraps each record insert; {@code next()} performs it, in its transaction. */
    public Hook<RecordEvent> onRecordCreate() {
        return create;
    }

    /** Wraps each record update; {@code next()} performs it, in its transaction. */
    public Hook<RecordEvent> onRecordUpdate() {
        return update;
    }

    /** Wraps each record delete (cascades included); {@code next()} performs it, in its transaction. */
    public Hook<RecordEvent> onRecordDelete() {
        return delete;
    }

    /** After a record insert is committed. */
    public Hook<RecordEvent> onRecordAfterCreateSuccess() {
        return afterCreate;
    }

    /** After a record update is committed. */
    public Hook<RecordEvent> onRecordAfterUpdateSuccess() {
        return afterUpdate;
    }

    /** After a record delete is committed. */
    public Hook<RecordEvent> onRecordAfterDeleteSuccess() {
        return afterDelete;
    }

    /** After a record insert failed (or its transaction was rolled back). */
    public Hook<RecordEvent> onRecordAfterCreateError() {
        return createError;
    }

    /** After a record update failed (or its transaction was rolled back). */
    public Hook<RecordEvent> onRecordAfterUpdateError() {
        return updateError;
    }

    /** After a record delete failed (or its transaction was rolled back). */
    public Hook<RecordEvent> onRecordAfterDeleteError() {
        return deleteError;
    }

    /** Wraps {@code GET /api/collections/{c}/records}. */
    public Hook<RecordRequestEvent> onRecordsListRequest() {
        return listRequest;
    }

    /** Wraps {@code GET /api/collections/{c}/records/{id}}. */
    public Hook<RecordRequestEvent> onRecordViewRequest() {
        return viewRequest;
    }

    /** Wraps {@code POST /api/collections/{c}/records}. */
    public Hook<RecordRequestEvent> onRecordCreateRequest() {
        return createRequest;
    }

    /** Wraps {@code PATCH /api/collections/{c}/records/{id}}. */
    public Hook<RecordRequestEvent> onRecordUpdateRequest() {
        return updateRequest;
    }

    /** Wraps {@code DELETE /api/collections/{c}/records/{id}}. */
    public Hook<RecordRequestEvent> onRecordDeleteRequest() {
        return deleteRequest;
    }

    /** Wraps the answer of every successful sign-in and token refresh ({@code next()} sends it). */
    public Hook<RecordAuthRequestEvent> onRecordAuthRequest() {
        return authRequest;
    }

    /** Each record rendered for an API answer; handlers may hide or add fields. */
    public Hook<RecordEnrichEvent> onRecordEnrich() {
        return enrich;
    }

    /** Once the application is initialised, before it serves. */
    public Hook<AppEvent> onBootstrap() {
        return bootstrap;
    }

    /** Once the web server listens. */
    public Hook<AppEvent> onServe() {
        return serve;
    }

    /** When the server shuts down. */
    public Hook<AppEvent> onTerminate() {
        return terminate;
    }

    /** Middlewares of every custom route, run before the route's own ones (PocketBase's {@code routerUse}). */
    public Hook<RequestEvent> routerUse() {
        return routerUse;
    }

    /** Adds a custom route, replacing one with the same method and path. */
    public void routerAdd(Route route) {
        routes.removeIf(r -> r.method().equals(route.method()) && r.path().equals(route.path()));
        routes.add(route);
    }

    /** Adds a custom route with its middlewares. */
    @SafeVarargs
    public final void routerAdd(String method, String path, HookHandler<RequestEvent> handler,
                                HookHandler<RequestEvent>... middlewares) {
        routerAdd(new Route(method, path, handler, List.of(middlewares)));
    }

    /** Removes a custom route; false when there was none. */
    public boolean routerRemove(String method, String path) {
        return routes.removeIf(r -> r.method().equalsIgnoreCase(method) && r.path().equals(path));
    }

    /** The custom routes, in the order they were added. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** Adds or replaces a cron job (PocketBase's 5-field expressions, run on one node of a cluster). */
    public void cronAdd(String id, String expression, Runnable job) {
        crons.add(id, expression, job);
    }

    /** Removes a cron job; false when there was none. */
    public boolean cronRemove(String id) {
        return crons.remove(id);
    }

    /** Model hooks of this action: the wrapping one, after success and after error. */
    Hook<RecordEvent> model(dev.basalt.records.RecordWrite.Action action, Phase phase) {
        return switch (action) {
            case CREATE -> phase == Phase.WRITE ? create : phase == Phase.SUCCESS ? afterCreate : createError;
            case UPDATE -> phase == Phase.WRITE ? update : phase == Phase.SUCCESS ? afterUpdate : updateError;
            case DELETE -> phase == Phase.WRITE ? delete : phase == Phase.SUCCESS ? afterDelete : deleteError;
        };
    }

    /** The request hook of a records API endpoint. */
    Hook<RecordRequestEvent> request(dev.basalt.records.RecordApiCall.Kind kind) {
        return switch (kind) {
            case LIST -> listRequest;
            case VIEW -> viewRequest;
            case CREATE -> createRequest;
            case UPDATE -> updateRequest;
            case DELETE -> deleteRequest;
        };
    }

    /** The three moments of a write's model hooks. */
    enum Phase { WRITE, SUCCESS, ERROR }

}
