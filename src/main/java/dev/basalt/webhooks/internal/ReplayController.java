package dev.basalt.webhooks.internal;

import static dev.basalt.webhooks.internal.DeliveryTable.*;

import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import dev.basalt.webhooks.WebhookSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Basalt's {@code POST /api/webhooks/deliveries/{id}/replay} (superusers only): sends a delivery that is not
 * pending (failed, or delivered) again with its original body and delivery id, with a fresh
 * {@link WebhookSettings#giveUpAfter()} window; 204 when queued, 404 for an unknown id, 400 while still pending.
 */
@RestController
class ReplayController {
    private final DSLContext dsl;
    private final Clock clock;
    private final WebhookSettings settings;
    private final Dispatcher dispatcher;

    ReplayController(DSLContext dsl, Clock clock, WebhookSettings settings, Dispatcher dispatcher) {
        this.dsl = dsl;
        this.clock = clock;
        this.settings = settings;
        this.dispatcher = dispatcher;
    }

    @PostMapping("/api/webhooks/deliveries/{id}/replay")
    ResponseEntity<Void> replay(HttpServletRequest request, @PathVariable String id) {
        Caller.of(request).requireSuperuser();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int queued = dsl.update(TABLE).set(STATUS, PENDING).set(NEXT_ATTEMPT, now)
                .set(GIVE_UP_AT, now.plus(settings.giveUpAfter())).set(UPDATED, now)
                .where(ID.eq(id)).and(STATUS.ne(PENDING)).execute();
        if (queued == 0) {
            if (!dsl.fetchExists(TABLE, ID.eq(id))) {
                throw ApiException.notFound();
            }
            throw ApiException.badRequest("The delivery is still pending.");
        }
        dispatcher.wake();
        return ResponseEntity.noContent().build();
    }
}
