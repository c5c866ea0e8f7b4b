-- Sign-in sessions of auth records (Basalt, beyond PocketBase). Access tokens name their session (claim "sid");
-- a revoked session's tokens are refused. Refresh tokens are stored only as SHA-256 hashes; a spent one that is
-- presented again revokes its session (reuse detection).

CREATE TABLE _sessions (
    id              text PRIMARY KEY,
    collection_id   text        NOT NULL,
    record_id       text        NOT NULL,
    kind            text        NOT NULL,            -- 'signin' or 'impersonation'
    key_fingerprint text        NOT NULL,            -- SHA-256 of the record's tokenKey when the session began
    user_agent      text        NOT NULL DEFAULT '',
    created         timestamptz NOT NULL DEFAULT now(),
    last_used       timestamptz NOT NULL DEFAULT now(),
    expires         timestamptz NOT NULL,            -- no refresh after this, whatever the activity
    revoked         timestamptz,
    revoked_reason  text
);
CREATE INDEX _sessions_record ON _sessions (collection_id, record_id);

CREATE TABLE _refresh_tokens (
    hash       text PRIMARY KEY,                     -- hex SHA-256 of the token
    session_id text        NOT NULL REFERENCES _sessions (id) ON DELETE CASCADE,
    created    timestamptz NOT NULL DEFAULT now(),
    spent      timestamptz
);
CREATE INDEX _refresh_tokens_session ON _refresh_tokens (session_id);
