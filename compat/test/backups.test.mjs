import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, rejectsWith, superuser, uniqueName } from './support.mjs';

// Backups replace the whole database when restored: this file restores a backup it took itself, so only what it
// changed in between is undone (the suite runs one file at a time).
test('pb.backups: create, getFullList, getDownloadURL, upload, restore, delete', async () => {
  const pb = await superuser();
  const notes = await pb.collections.create({
    name: uniqueName('backup_notes'), type: 'base', listRule: '', viewRule: '',
    fields: [{ name: 'title', type: 'text' }, { name: 'doc', type: 'file', maxSelect: 1 }],
  });
  const note = await pb.collection(notes.name).create({
    title: 'before', doc: new File(['kept in the backup'], 'kept.txt', { type: 'text/plain' }),
  });

  const name = `${uniqueName('sdk')}.zip`.toLowerCase();
  assert.equal(await pb.backups.create(name), true);
  await rejectsWith(pb.backups.create('Not Valid.zip'), 400);
  await rejectsWith(anonymous().backups.getFullList(), 401);

  const listed = (await pb.backups.getFullList()).find((b) => b.key === name);
  assert.ok(listed, 'the new backup is listed');
  assert.ok(listed.size > 0);
  assert.match(listed.modified, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$/);

  const token = await pb.files.getToken();
  const download = await fetch(pb.backups.getDownloadURL(token, name));
  assert.equal(download.status, 200);
  const zip = Buffer.from(await download.arrayBuffer());
  assert.equal(zip.subarray(0, 2).toString(), 'PK');
  assert.equal(zip.length, listed.size);
  assert.equal((await fetch(pb.backups.getDownloadURL('', name))).status, 403);

  const copy = `${uniqueName('sdk_copy')}.zip`.toLowerCase();
  assert.equal(await pb.backups.upload({ file: new File([zip], copy, { type: 'application/zip' }) }), true);
  assert.ok((await pb.backups.getFullList()).some((b) => b.key === copy && b.size === zip.length));

  await pb.collection(notes.name).update(note.id, { title: 'after' });
  const later = await pb.collection(notes.name).create({ title: 'later' });

  assert.equal(await pb.backups.restore(copy), true);
  const restored = await pb.collection(notes.name).getOne(note.id);
  assert.equal(restored.title, 'before');
  assert.equal(restored.doc, note.doc);
  const file = await fetch(pb.files.getURL(restored, restored.doc));
  assert.equal(await file.text(), 'kept in the backup');
  await rejectsWith(pb.collection(notes.name).getOne(later.id), 404);
  assert.equal((await pb.health.check()).data.canBackup, true);

  assert.equal(await pb.backups.delete(name), true);
  assert.equal(await pb.backups.delete(copy), true);
  await rejectsWith(pb.backups.delete(copy), 400);
  const keys = (await pb.backups.getFullList()).map((b) => b.key);
  assert.ok(!keys.includes(name) && !keys.includes(copy));
  await pb.collections.delete(notes.id);
});
