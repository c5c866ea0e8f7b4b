-- Devices an auth record has signed in from (PocketBase's _authOrigins): a fingerprint of client IP and user agent.
-- A sign-in from a fingerprint not seen before sends the collection's authAlert mail (when enabled).

CREATE TABLE _auth_origins (
    collection_id text        NOT NULL,
    record_id     text        NOT NULL,
    fingerprint   text        NOT NULL,           -- hex SHA-256 of "ip|user agent"
    created       timestamptz NOT NULL DEFAULT now(),
    updated       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (collection_id, record_id, fingerprint)
);
