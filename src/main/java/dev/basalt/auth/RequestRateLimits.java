package dev.basalt.auth;

import java.time.Clock;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.basalt.cluster.SharedCounters;
import dev.basalt.collections.Collection;
import dev.basalt.settings.IpRanges;
import dev.basalt.settings.Settings;
import dev.basalt.settings.SettingsStore;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * PocketBase's request rate limits (the {@code rateLimits} settings): the rule {@link RateLimitRules} picks for a
 * request allows {@code maxRequests} per {@code duration} seconds per client IP ({@link ClientAddress}), in fixed
 * windows. As in PocketBase, a rule found through a collection route's tags counts per collection and route, a rule
 * found through the path counts all its paths together; superusers and {@code excludedIPs} are never limited.
 * With Redis ({@link SharedCounters}) the counters are shared by the cluster (a window starts at its first request
 * and ends by Redis' expiry), so a limit holds however a balancer spreads the requests; while Redis is unreachable
 * each node counts alone. Without
 * Redis counters live in memory on each node (at most {@link #MAX_TRACKED}, forgotten a day after their last request),
 * so with several nodes behind a balancer each node allows the limit. Over it: 429.
 */
@Component
public class RequestRateLimits {
    /** Request attribute: the {@link Matched} rule of the request, for {@link #checkIdentity}. */
    static final String MATCHED = RequestRateLimits.class.getName() + ".matched";
    static final int MAX_TRACKED = 100_000;
    static final String RECORDS = "/api/collections/{collection}/records";
    static final String RECORD = RECORDS + "/{id}";
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final long MILLIS_PER_SECOND = 1000;
    /** Shortest time between two warnings that the shared counters are unreachable. */
    private static final Duration WARN_EVERY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(RequestRateLimits.class);
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY.toNanos());
    private final SharedCounters shared;
    private final SettingsStore settings;
    private final ClientAddress addresses;
    private final Clock clock;
    private final Cache<String, Window> windows = Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED).expireAfterAccess(FORGET_AFTER).build();

    RequestRateLimits(SettingsStore settings, ClientAddress addresses, Clock clock,
                      ObjectProvider<SharedCounters> shared) {
        this.shared = shared.getIfAvailable();
        this.clock = clock;
        this.settings = settings;
        this.addresses = addresses;
    }

    /** Whether the limits are on (a request then needs its labels worked out). */
    boolean enabled() {
        return settings.recent().rateLimits().enabled();
    }

    /**
     * Counts one request of a route ({@code METHOD pattern}) with the given tags (empty for routes without any);
     * {@code collection} is null for routes outside a collection. 429 when over the limit.
     */
    void check(HttpServletRequest request, Collection collection, String route, List<String> tags, String method,
               String path) {
        Settings.RateLimits limits = settings.recent().rateLimits();
        Caller caller = Caller.of(request);
        if (!limits.enabled() || caller.superuser()) {
            return;
        }
        String ip = addresses.of(request);
        if (ip == null || ip.isEmpty() || IpRanges.contains(limits.excludedIPs(), ip)) {
            return;
        }
        List<String> labels = RateLimitRules.labels(collection == null ? null : collection.name(), tags, method, path);
        Optional<Settings.RateLimitRule> found = RateLimitRules.find(limits.rules(), labels, !caller.anonymous());
        if (found.isEmpty()) {
            return;
        }
        Settings.RateLimitRule rule = found.get();
        String counter = (collection == null ? rule.label() : collection.id() + "|" + route + "|" + tags)
                + rule.audience() + "|" + rule.maxRequests() + "/" + rule.duration();
        request.setAttribute(MATCHED, new Matched(rule, counter));
        if (!hit(counter + "|ip:" + ip, rule)) {
            throw tooMany();
        }
    }

    /**
     * Counts one sub-request of a batch ({@code action}: {@code create}, {@code update}, {@code delete}) under its
     * own labels and with the same counters as the records API's route, as PocketBase does (an upsert, {@code PUT},
     * has its own); the batch request itself was counted as {@code POST /api/batch}.
     */
    public void checkSubRequest(HttpServletRequest batch, Collection collection, String action, String method,
                                String path) {
        if (enabled()) {
            String pattern = method.equals("PATCH") || method.equals("DELETE") ? RECORD : RECORDS;
            check(batch, collection, method + " " + pattern, List.of(action), method, path);
        }
    }

    /**
     * Basalt's addition on the auth endpoints: the identity (email, username, OTP id) is counted under the rule of the
     * request as well, so one account cannot be hit from many addresses faster than the rule allows one address.
     */
    void checkIdentity(HttpServletRequest request, String identity) {
        if (identity == null || identity.isBlank() || !(request.getAttribute(MATCHED) instanceof Matched m)) {
            return;
        }
        if (!hit(m.counter() + "|id:" + identity.trim().toLowerCase(Locale.ROOT), m.rule())) {
            throw tooMany();
        }
    }

    private static ApiException tooMany() {
        return AuthErrors.RATE_LIMITED.exception();
    }

    private boolean hit(String key, Settings.RateLimitRule rule) {
        long length = Math.max(1, Math.min(rule.duration(), Long.MAX_VALUE / MILLIS_PER_SECOND) * MILLIS_PER_SECOND);
        if (shared != null) {
            try {
                return shared.increment("rate:" + key, Duration.ofMillis(length)) <= rule.maxRequests();
            } catch (DataAccessException e) {
                warnUnshared(e);
            }
        }
        return windows.get(key, k -> new Window()).hit(clock.millis(), rule.maxRequests(), length);
    }

    private void warnUnshared(DataAccessException e) {
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY.toNanos() && lastWarning.compareAndSet(last, now)) {
            log.warn("Rate limits count on this node alone while the shared counters are unreachable: {}",
                    e.getMessage());
        }
    }

    /** The rule that matched a request and the name of its counter. */
    record Matched(Settings.RateLimitRule rule, String counter) {
    }

    /** A fixed window: its start and the requests counted in it. */
    private static final class Window {
        private long start;
        private int count;

        synchronized boolean hit(long now, int max, long lengthMillis) {
            if (now - start >= lengthMillis) {
                start = now;
                count = 0;
            }
            if (count >= max) {
                return false;
            }
            count++;
            return true;
        }
    }
}
