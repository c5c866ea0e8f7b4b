package dev.basalt.hooks;

import dev.basalt.batch.BatchInterceptor;
import dev.basalt.files.FileRequestInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Runs {@code onFileDownloadRequest}, {@code onFileTokenRequest} and {@code onBatchRequest} through their seams. */
@Component
class FileAndBatchHooks implements FileRequestInterceptor, BatchInterceptor {
    private final Hooks hooks;

    FileAndBatchHooks(Hooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public boolean active() {
        return hooks.onFileDownloadRequest().length() > 0 || hooks.onFileTokenRequest().length() > 0
                || hooks.onBatchRequest().length() > 0;
    }

    @Override
    public ResponseEntity<Object> aroundDownload(HttpServletRequest request, Download download,
                                                 Supplier<ResponseEntity<Object>> proceed) {
        return run(hooks.onFileDownloadRequest(), new FileDownloadRequestEvent(request, download), proceed);
    }

    @Override
    public ResponseEntity<Object> aroundToken(HttpServletRequest request, Map<String, Object> answer,
                                              Supplier<ResponseEntity<Object>> proceed) {
        return run(hooks.onFileTokenRequest(), new FileTokenRequestEvent(request, answer), proceed);
    }

    @Override
    public ResponseEntity<Object> around(HttpServletRequest request, List<Map<String, Object>> requests,
                                         Supplier<ResponseEntity<Object>> proceed) {
        return run(hooks.onBatchRequest(), new BatchRequestEvent(request, requests), proceed);
    }

    private static <E extends RequestEvent> ResponseEntity<Object> run(Hook<E> hook, E event,
                                                                       Supplier<ResponseEntity<Object>> proceed) {
        if (hook.length() == 0) {
            return proceed.get();
        }
        hook.trigger(event, e -> e.respond(proceed.get()));
        return event.response() != null ? event.response() : ResponseEntity.noContent().build();
    }
}
