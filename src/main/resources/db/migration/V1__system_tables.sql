-- Basalt's own system tables. Collection tables are created at runtime from _collections.

CREATE TABLE _collections (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    type        text        NOT NULL,
    system      boolean     NOT NULL DEFAULT false,
    fields      jsonb       NOT NULL DEFAULT '[]',
    indexes     jsonb       NOT NULL DEFAULT '[]',
    list_rule   text,
    view_rule   text,
    create_rule text,
    update_rule text,
    delete_rule text,
    options     jsonb       NOT NULL DEFAULT '{}',
    created     timestamptz NOT NULL DEFAULT now(),
    updated     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX _collections_name_lower ON _collections (lower(name));

-- Key/value settings and secrets (e.g. the token signing secret).
CREATE TABLE _params (
    key     text PRIMARY KEY,
    value   jsonb       NOT NULL,
    created timestamptz NOT NULL DEFAULT now(),
    updated timestamptz NOT NULL DEFAULT now()
);
