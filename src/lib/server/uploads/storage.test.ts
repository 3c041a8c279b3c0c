import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { fileStore, supabaseStore, type StorageClient } from './storage';

const bytes = Buffer.from('RIFF\0\0\0\0WEBPVP8 fake image body');

describe('fileStore', () => {
	let root: string;
	beforeEach(async () => {
		root = await mkdtemp(join(tmpdir(), 'store-'));
	});
	afterEach(async () => {
		await rm(root, { recursive: true, force: true });
	});

	it('creates its folder, keeps the exact bytes and forgets them on remove', async () => {
		const dir = join(root, 'data', 'uploads');
		const store = fileStore(dir);
		const id = randomUUID();

		await store.put(id, bytes);
		expect(await readdir(dir)).toEqual([`${id}.webp`]); // no temp file left behind
		expect(await readFile(join(dir, `${id}.webp`))).toEqual(bytes);
		expect(await store.get(id.toUpperCase())).toEqual(bytes);

		await store.remove(id);
		expect(await store.get(id)).toBeNull();
		await expect(store.remove(id)).resolves.toBeUndefined();
	});

	it('answers "not found" for an id that was never stored', async () => {
		expect(await fileStore(root).get(randomUUID())).toBeNull();
	});

	it('refuses ids that could walk out of the folder', async () => {
		const dir = join(root, 'uploads');
		const store = fileStore(dir);
		for (const id of ['../../etc/passwd', '../escape', `${randomUUID()}/../x`, 'a.webp', '']) {
			await expect(store.put(id, bytes)).rejects.toThrow('Invalid screenshot id');
			await expect(store.remove(id)).rejects.toThrow('Invalid screenshot id');
			expect(await store.get(id)).toBeNull();
		}
		expect(await readdir(root)).toEqual([]);
	});
});

type Call = { op: string; bucket: string; args: unknown[] };

function fakeClient(answers: { download?: { data: Blob | null; error: unknown } } = {}) {
	const calls: Call[] = [];
	const record = <T>(op: string, bucket: string, args: unknown[], answer: T) => {
		calls.push({ op, bucket, args });
		return Promise.resolve(answer);
	};
	const client: StorageClient = {
		storage: {
			from: (bucket) => ({
				upload: (...args) => record('upload', bucket, args, { error: null }),
				download: (...args) =>
					record(
						'download',
						bucket,
						args,
						answers.download ?? { data: new Blob([bytes]), error: null }
					),
				remove: (...args) => record('remove', bucket, args, { error: null })
			})
		}
	};
	return { client, calls };
}

describe('supabaseStore', () => {
	it('uploads to the private bucket as <id>.webp and reads the bytes back', async () => {
		const { client, calls } = fakeClient();
		const store = supabaseStore(client);
		const id = randomUUID();

		await store.put(id, bytes);
		expect(await store.get(id)).toEqual(bytes);
		await store.remove(id);

		expect(calls).toEqual([
			{
				op: 'upload',
				bucket: 'screenshots',
				args: [`${id}.webp`, bytes, { contentType: 'image/webp', upsert: true }]
			},
			{ op: 'download', bucket: 'screenshots', args: [`${id}.webp`] },
			{ op: 'remove', bucket: 'screenshots', args: [[`${id}.webp`]] }
		]);
		// The real supabase-js client must fit the structural type the store asks for.
		expectTypeOf<SupabaseClient>().toExtend<StorageClient>();
	});

	it('reports a missing object as not found but surfaces other storage failures', async () => {
		const missing = fakeClient({
			download: { data: null, error: { status: 400, statusCode: '404' } }
		});
		expect(await supabaseStore(missing.client).get(randomUUID())).toBeNull();

		const broken = fakeClient({
			download: { data: null, error: { status: 500, statusCode: '500' } }
		});
		await expect(supabaseStore(broken.client).get(randomUUID())).rejects.toThrow('download failed');
	});

	it('never sends a path-like id to the bucket', async () => {
		const { client, calls } = fakeClient();
		const store = supabaseStore(client);
		await expect(store.put('../other-bucket/x', bytes)).rejects.toThrow('Invalid screenshot id');
		await expect(store.remove('../../x')).rejects.toThrow('Invalid screenshot id');
		expect(await store.get('../../x')).toBeNull();
		expect(calls).toEqual([]);
	});
});
