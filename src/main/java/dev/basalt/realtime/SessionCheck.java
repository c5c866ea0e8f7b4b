package dev.basalt.realtime;

import dev.basalt.shared.Caller;
import java.time.Instant;
import java.util.Optional;

/** Tells whether the token a realtime client authenticated with still holds. Implemented by the auth module. */
public interface SessionCheck {

    /** When the token expires; empty when it is not a valid token. Cheap: no database access. */
    Optional<Instant> expiresAt(String token);

    /** The caller the token stands for now (its record re-read); empty when it was revoked or expired. */
    Optional<Caller> reauthenticate(String token);
}
