-- API keys (Basalt, beyond PocketBase): created by superusers, shown once, stored only as SHA-256 hashes,
-- limited to the record actions their scopes name (e.g. "posts:list", "*:view"), optionally bound to an auth record.

CREATE TABLE _api_keys (
    id            text PRIMARY KEY,
    name          text        NOT NULL,
    key_hash      text        NOT NULL UNIQUE,      -- hex SHA-256 of the whole key
    key_prefix    text        NOT NULL,             -- first characters, to tell keys apart in listings
    scopes        jsonb       NOT NULL,             -- JSON array of "collection:action"
    collection_id text,                             -- bound auth record (both null when unbound)
    record_id     text,
    expires       timestamptz,
    created       timestamptz NOT NULL DEFAULT now(),
    last_used     timestamptz,
    revoked       timestamptz
);
