-- The statement behind the list with skipTotal=1: the page only.
SELECT id, title, body, views, published, created, updated FROM posts WHERE views > 500 ORDER BY created DESC NULLS LAST, id LIMIT 20;
