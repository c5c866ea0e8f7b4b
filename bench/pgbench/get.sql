-- The statement behind GET /api/collections/posts/records/{id}: one row by primary key (random id).
\set k random(1, :rows)
SELECT id, title, body, views, published, created, updated FROM posts WHERE id = 'p' || lpad(:k::text, 14, '0') LIMIT 1;
