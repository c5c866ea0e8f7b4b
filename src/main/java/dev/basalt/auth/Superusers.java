package dev.basalt.auth;

/** Management of superusers (records of the {@code _superusers} auth collection). */
public interface Superusers {

    /**
     * Creates a superuser with this email, or sets the password of the existing one.
     *
     * @return true when a new superuser was created
     * @throws dev.basalt.shared.ApiException 400 when the email or password is invalid
     */
    boolean upsert(String email, String password);
}
