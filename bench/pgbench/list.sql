-- The statements behind GET /api/collections/posts/records?filter=views>500&sort=-created&perPage=20:
-- the page and the total count.
SELECT id, title, body, views, published, created, updated FROM posts WHERE views > 500 ORDER BY created DESC NULLS LAST, id LIMIT 20;
SELECT count(*) FROM posts WHERE views > 500;
