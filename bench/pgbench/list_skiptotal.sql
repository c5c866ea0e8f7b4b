-- The statement Basalt runs for the list with skipTotal=1: the page only (:v bound, as in Basalt).
\set v 500
SELECT id, title, body, views, published, created, updated FROM posts WHERE posts.views > CAST(:v AS double precision) ORDER BY created DESC NULLS LAST OFFSET 0 ROWS FETCH NEXT 20 ROWS ONLY;
