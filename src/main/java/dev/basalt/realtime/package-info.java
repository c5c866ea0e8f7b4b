/**
 * Realtime: PocketBase's SSE API ({@code GET/POST /api/realtime}) and the delivery of committed changes to
 * subscribed clients on every node. General machinery: it knows clients, topics, frames and cluster signals, not
 * records or rules; the domain plugs in through {@link dev.basalt.realtime.ChangeAudience} (who receives a change
 * and what) and {@link dev.basalt.realtime.SessionCheck} (whether a client's token still holds), and announces
 * changes inside its transactions with {@link dev.basalt.realtime.ChangeFeed}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cluster", "shared"})
package dev.basalt.realtime;
