-- One-time passwords sent by mail and pending multi-factor sign-ins (PocketBase's _otps and _mfas, as tables).

CREATE TABLE _otps (
    id            text PRIMARY KEY,
    collection_id text        NOT NULL,
    record_id     text        NOT NULL,
    password_hash text        NOT NULL,           -- hex SHA-256 of the one-time password
    sent_to       text        NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0, -- wrong guesses so far
    created       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX _otps_record ON _otps (collection_id, record_id);

CREATE TABLE _mfas (
    id            text PRIMARY KEY,
    collection_id text        NOT NULL,
    record_id     text        NOT NULL,
    method        text        NOT NULL,           -- the first method: password or otp
    created       timestamptz NOT NULL DEFAULT now()
);
