package dev.basalt.auth;

import java.util.Optional;

/** Management of superusers (records of the {@code _superusers} auth collection), as PocketBase's CLI offers it. */
public interface Superusers {

    /**
     * Creates a superuser with this email, or sets the password of the existing one.
     *
     * @return true when a new superuser was created
     * @throws dev.basalt.shared.ApiException 400 when the email or password is invalid
     */
    boolean upsert(String email, String password);

    /**
     * Creates a superuser.
     *
     * @throws dev.basalt.shared.ApiException 400 when the email is taken or the email or password is invalid
     */
    void create(String email, String password);

    /**
     * Sets the password of the superuser with this email (its other sessions end, as with any password change).
     *
     * @return false when there is no superuser with this email
     */
    boolean changePassword(String email, String password);

    /** Deletes the superuser with this email; false when there is none. */
    boolean delete(String email);

    /**
     * Issues a one-time password for the superuser with this email (for {@code auth-with-otp}).
     *
     * @return empty when there is no superuser with this email
     * @throws dev.basalt.shared.ApiException 400 when OTP is not enabled for {@code _superusers}
     */
    Optional<OneTimePassword> otp(String email);

    /** An issued one-time password: the id for the client, the password, and for how many seconds it is valid. */
    record OneTimePassword(String id, String password, long validSeconds) {
    }
}
