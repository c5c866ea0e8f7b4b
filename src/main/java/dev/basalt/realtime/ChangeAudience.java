package dev.basalt.realtime;

import java.util.List;

/**
 * Decides, for one change, which of the matching subscriptions may receive it and what each receives. Called once
 * per change and node with every matching subscription, so an implementation can group subscribers and check
 * access for all of them at once (never one database query per subscriber).
 */
public interface ChangeAudience {

    /**
     * The event data (JSON text, one line) for each candidate, in the candidates' order; {@code null} where the
     * subscription must not receive the change.
     */
    List<String> messages(ChangeEvent change, List<SubscriptionView> candidates);
}
