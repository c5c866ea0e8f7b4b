package dev.basalt.auth;

import com.nimbusds.jwt.SignedJWT;
import dev.basalt.realtime.SessionCheck;
import dev.basalt.shared.Caller;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Lets realtime clients' tokens expire (from the token's own {@code exp}) and be revoked (re-verified). */
@Component
class RealtimeSessions implements SessionCheck {
    private final AuthService auth;

    RealtimeSessions(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public Optional<Instant> expiresAt(String token) {
        try {
            Date exp = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime();
            return Optional.ofNullable(exp).map(Date::toInstant);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Caller> reauthenticate(String token) {
        return auth.authenticate(token).map(AuthService.Authenticated::caller);
    }
}
