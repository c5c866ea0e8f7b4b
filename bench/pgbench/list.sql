-- The statements Basalt runs for GET /api/collections/posts/records?filter=views>500&sort=-created&perPage=20
-- (as its query compiler renders them; with -M prepared, :v is a bound parameter as in Basalt): the page and the total count.
\set v 500
SELECT id, title, body, views, published, created, updated FROM posts WHERE posts.views > CAST(:v AS double precision) ORDER BY created DESC NULLS LAST, id DESC OFFSET 0 ROWS FETCH NEXT 20 ROWS ONLY;
SELECT count(*) FROM posts WHERE posts.views > CAST(:v AS double precision);
