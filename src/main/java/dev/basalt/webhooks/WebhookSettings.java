package dev.basalt.webhooks;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook settings, bound from {@code basalt.webhooks.*} properties and {@code BASALT_WEBHOOKS_*} environment
 * variables.
 *
 * @param giveUpAfter      a delivery not accepted this long after its record write is marked {@code failed}
 * @param privateAddresses whether URLs resolving to loopback or private networks may be called (refused by default,
 *                         against server-side request forgery; tests allow them for their local receiver)
 * @param pollInterval     how often each node looks for due deliveries besides being woken by its own commits
 *                         (other nodes' writes, retries, restarts)
 * @param dispatch         whether this node sends deliveries at all (false: it only records them, e.g. an
 *                         API-only node of a cluster)
 * @param keepDeliveries   delivered and failed deliveries older than this are deleted by the daily cron job
 *                         {@code __basaltWebhookDeliveriesCleanup__}
 */
@Validated
@ConfigurationProperties("basalt.webhooks")
public record WebhookSettings(@NotNull @DefaultValue("24h") Duration giveUpAfter,
                              @DefaultValue("false") boolean privateAddresses,
                              @NotNull @DefaultValue("5s") Duration pollInterval,
                              @DefaultValue("true") boolean dispatch,
                              @NotNull @DefaultValue("7d") Duration keepDeliveries) {
}
