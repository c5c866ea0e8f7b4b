-- Rows for the benchmark, the same data as ../shared/peers/seed_posts.sql gives the peers (run by seed.py with
-- psql -v rows=N): posts and user_posts get N rows each, ids p00000000000001.., views = (n*37) % 1000 (49.9% of
-- rows have views > 500), created one minute apart from 2024-01-01. user_posts rows belong to 100 users in turn
-- (row n to user u0000000000000k, k = (n-1) % 100 + 1); users 2..100 are copies of the bench user (id
-- u00000000000001, created through the API) with their own id, email and token key.
\set ON_ERROR_STOP on
DELETE FROM users WHERE id <> 'u00000000000001';
INSERT INTO users
SELECT (jsonb_populate_record(NULL::users, to_jsonb(u) || jsonb_build_object(
          'id', 'u' || lpad(g::text, 14, '0'),
          'email', 'user' || g || '@example.com',
          'tokenKey', md5('bench-token-key-' || g)))).*
FROM users u, generate_series(2, 100) g
WHERE u.id = 'u00000000000001';

TRUNCATE posts, user_posts;
INSERT INTO posts (id, title, body, views, published, created, updated)
SELECT 'p' || lpad(g::text, 14, '0'),
       'Post number ' || g,
       'Body of post ' || g || '. ' || repeat('Lorem ipsum dolor sit amet, consectetur adipiscing elit. ', 4),
       (g * 37) % 1000,
       (g % 2 = 0),
       timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute',
       timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute'
FROM generate_series(1, :rows) g;
INSERT INTO user_posts (id, title, body, views, published, owner, created, updated)
SELECT id, title, body, views, published, 'u' || lpad((((row_number() OVER (ORDER BY id)) - 1) % 100 + 1)::text, 14, '0'),
       created, updated
FROM posts;
VACUUM ANALYZE users;
VACUUM ANALYZE posts;
VACUUM ANALYZE user_posts;
SELECT count(*) AS rows, count(*) FILTER (WHERE views > 500) AS views_gt_500 FROM posts;
