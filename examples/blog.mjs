// A blog on Basalt with the official SDK: authors, posts with an author relation and a cover image with
// thumbnails, comments expanded through their back-relation, a view of post counts per author, and a post
// created together with its comments in one batch. Run: node blog.mjs (needs a superuser, see README).
// Each run starts over: it first deletes the collections a previous run made (only those four names).
// Variables: BASALT_URL (default http://127.0.0.1:8090), BASALT_SUPERUSER_EMAIL and BASALT_SUPERUSER_PASSWORD
// (default the README's admin@example.com / change-me-123456), BLOG_PREFIX (default "blog_") and BLOG_SUFFIX
// (default none) around the collection names.
import PocketBase from 'pocketbase';

const url = process.env.BASALT_URL || 'http://127.0.0.1:8090';
const email = process.env.BASALT_SUPERUSER_EMAIL || 'admin@example.com';
const password = process.env.BASALT_SUPERUSER_PASSWORD || 'change-me-123456';
// Collection names get a prefix (default "blog_") so the example does not clash with the README's `posts`.
const prefix = process.env.BLOG_PREFIX || 'blog_';
const suffix = process.env.BLOG_SUFFIX || '';   // e.g. several copies side by side on one server
const n = (name) => `${prefix}${name}${suffix}`;

const pb = new PocketBase(url);
pb.autoCancellation(false);
await pb.collection('_superusers').authWithPassword(email, password);

// 0. Start over: the view first, then comments, posts and authors (each relation's target after its source).
for (const name of [n('post_counts'), n('comments'), n('posts'), n('authors')]) {
  try {
    await pb.collections.delete(name);
  } catch (err) {
    if (err.status !== 404) throw err;
  }
}

// 1. The schema: authors, posts (author relation, cover image with a 100x100 thumbnail), comments (post relation).
const authors = await pb.collections.create({
  name: n('authors'), type: 'base', listRule: '', viewRule: '',
  fields: [{ name: 'name', type: 'text', required: true }],
});
const posts = await pb.collections.create({
  name: n('posts'), type: 'base', listRule: '', viewRule: '',
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'author', type: 'relation', collectionId: authors.id, maxSelect: 1, required: true },
    { name: 'cover', type: 'file', maxSelect: 1, maxSize: 5242880, mimeTypes: ['image/png', 'image/jpeg'], thumbs: ['100x100'] },
  ],
});
const comments = await pb.collections.create({
  name: n('comments'), type: 'base', listRule: '', viewRule: '',
  fields: [
    { name: 'post', type: 'relation', collectionId: posts.id, maxSelect: 1, required: true, cascadeDelete: true },
    { name: 'message', type: 'text', required: true },
  ],
});
// A view collection: post counts per author (a read-only PostgreSQL VIEW).
await pb.collections.create({
  name: n('post_counts'), type: 'view', listRule: '', viewRule: '',
  viewQuery: `SELECT a.id, a.name, count(p.id) AS posts FROM ${n('authors')} a `
    + `LEFT JOIN ${n('posts')} p ON p.author = a.id GROUP BY a.id, a.name`,
});

// 2. Data: an author and a post with a cover image (a 2x2 PNG made here).
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
const ann = await pb.collection(authors.name).create({ name: 'Ann' });
const first = await pb.collection(posts.name).create({
  title: 'Hello, Basalt', author: ann.id, cover: new Blob([png], { type: 'image/png' }),
});
console.log('cover thumbnail:', pb.files.getURL(first, first.cover, { thumb: '100x100' }));

// 3. A post and its comments in one batch: all or nothing.
const postId = Math.random().toString(36).slice(2).padEnd(15, '0').slice(0, 15);
const batch = pb.createBatch();
batch.collection(posts.name).create({ id: postId, title: 'Written in one batch', author: ann.id });
batch.collection(comments.name).create({ post: postId, message: 'First!' });
batch.collection(comments.name).create({ post: postId, message: 'Nice post.' });
await batch.send();

// 4. Read it back: posts with their author and comments (back-relation) expanded; the view of counts.
const page = await pb.collection(posts.name).getList(1, 10, {
  sort: '-created', expand: `author,${n('comments')}_via_post`,
});
for (const post of page.items) {
  const said = (post.expand?.[`${n('comments')}_via_post`] ?? []).map((c) => c.message);
  console.log(`${post.title} by ${post.expand.author.name}: ${said.length} comment(s)`, said);
}
const counts = await pb.collection(n('post_counts')).getFullList();
console.log('posts per author:', counts.map((c) => `${c.name}=${c.posts}`).join(', '));
