package dev.basalt.records;

import dev.basalt.access.AccessRules;
import dev.basalt.access.RuleCheck;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.query.QueryException;
import dev.basalt.query.RequestInfo;
import dev.basalt.query.RowCondition;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.springframework.stereotype.Component;

/**
 * The compiled access checks of realtime subscription groups, kept between changes. A group's checks (its rule and
 * its {@code filter}, compiled for its caller and options) depend only on the collection, the registry's other
 * collections (relation targets, join guards), the caller and the options, and on the clock where an expression
 * reads it; so they are compiled once per group and registry version instead of once per change, and a change to
 * 1,000 subscribers costs 1,000 lookups and in-memory evaluations. Expressions that read the clock (macros such as
 * {@code @now}, {@code strftime}) are compiled for every change, as before. The checks are exactly those
 * {@link AccessRules#rowCondition} gives, so a decision is the one an uncached check gives.
 */
@Component
class AudienceChecks {
    /** Groups kept at most: a few per subscriber of a busy node. */
    static final int MAX_KEPT = 20_000;
    /** A group unused for this long is dropped (its subscribers left, or the collection changed). */
    static final Duration KEPT_UNUSED = Duration.ofMinutes(10);
    private static final String REQUEST_PREFIX = "@request.";
    private static final String COLLECTION_PREFIX = "@collection.";

    /** A group's checks for one collection at one registry version. */
    private record Key(String collectionId, long version, AudienceGroup group) {
    }

    /** Whether some collection's listRule (a join guard of client filters) reads the clock, per registry version. */
    private record GuardClock(long version, boolean readsClock) {
    }

    private final AccessRules rules;
    private final CollectionRegistry registry;
    private final Cache<Key, Compiled> kept = Caffeine.newBuilder().maximumSize(MAX_KEPT)
            .expireAfterAccess(KEPT_UNUSED).build();
    private volatile GuardClock guardClock = new GuardClock(-1, true);

    AudienceChecks(AccessRules rules, CollectionRegistry registry) {
        this.rules = rules;
        this.registry = registry;
    }

    /**
     * The checks of a group whose rule is a filter expression (not decided outright), {@code collection} being the
     * registry's instance read at {@code version}.
     */
    Compiled checks(Collection collection, long version, AudienceGroup group) {
        Key key = new Key(collection.id(), version, group);
        Compiled found = kept.getIfPresent(key);
        if (found != null) {
            return found;
        }
        Compiled compiled = compile(collection, group);
        // kept only when compiled within the version it is kept under, and from expressions that do not read the
        // clock
        if (registry.version() == version && !readsClock(collection, group)) {
            kept.put(key, compiled);
        }
        return compiled;
    }

    private Compiled compile(Collection collection, AudienceGroup group) {
        RequestInfo info = group.requestInfo();
        List<Check> checks = new ArrayList<>(2);
        try {
            checks.add(new Check(rules.rowCondition(RuleCheck.of(collection, group.type(), group.caller(), info))));
            if (!group.filter().isBlank()) {
                // the subscriber's filter is a client filter: the same reach as the records API's list
                checks.add(new Check(rules.rowCondition(RuleCheck.filter(collection, group.filter(), group.caller(),
                        info))));
            }
        } catch (QueryException e) {
            return Compiled.INVALID; // an invalid subscription filter receives nothing
        }
        return new Compiled(List.copyOf(checks));
    }

    private boolean readsClock(Collection collection, AudienceGroup group) {
        String rule = switch (group.type()) {
            case LIST -> collection.listRule();
            case VIEW -> collection.viewRule();
            default -> throw new IllegalArgumentException("Realtime checks only the list and view rules");
        };
        if (readsClock(rule) || readsClock(group.filter())) {
            return true;
        }
        // a non-superuser's filter reaches other collections through their listRules, resolved for the same request
        return !group.filter().isBlank() && !group.caller().superuser() && guardsReadClock();
    }

    private boolean guardsReadClock() {
        long version = registry.version();
        GuardClock g = guardClock;
        if (g.version() != version) {
            boolean reads = registry.all().stream().anyMatch(c -> readsClock(c.listRule()));
            g = new GuardClock(version, reads);
            guardClock = g;
        }
        return g.readsClock();
    }

    /**
     * True when the expression may read the clock: any {@code @} besides {@code @request.} and {@code @collection.}
     * (the datetime macros), or {@code strftime}. Conservative: an {@code @} inside a string literal counts too.
     */
    static boolean readsClock(String expression) {
        if (expression == null || expression.isEmpty()) {
            return false;
        }
        String rest = expression.replace(REQUEST_PREFIX, "").replace(COLLECTION_PREFIX, "");
        return rest.indexOf('@') >= 0 || rest.toLowerCase(Locale.ROOT).contains("strftime");
    }

    /** A group's compiled checks, all of which must hold; {@link #INVALID} when its filter does not compile. */
    record Compiled(List<Check> checks) {
        static final Compiled INVALID = new Compiled(null);

        boolean invalid() {
            return checks == null;
        }
    }

    /** One compiled condition, its SQL rendered at most once (it is the same for every change). */
    static final class Check {
        private final RowCondition condition;
        private volatile Condition sql;

        Check(RowCondition condition) {
            this.condition = condition;
        }

        RowCondition condition() {
            return condition;
        }

        Condition sql() {
            Condition s = sql;
            if (s == null) {
                s = condition.sql();
                sql = s;
            }
            return s;
        }
    }
}
