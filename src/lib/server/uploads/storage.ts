import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ScreenshotStore {
	put(id: string, bytes: Buffer): Promise<void>;
	get(id: string): Promise<Buffer | null>;
	remove(id: string): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only UUIDs become object names, so no id can climb out of the folder or bucket. */
function objectName(id: string): string {
	if (typeof id !== 'string' || !UUID.test(id)) throw new Error('Invalid screenshot id');
	// Lower case so one id is one file even on case-insensitive file systems.
	return `${id.toLowerCase()}.webp`;
}

/** Embedded and PostgreSQL mode: one file per screenshot under `dir` (DATA_DIR/uploads). */
export function fileStore(dir: string): ScreenshotStore {
	return {
		async put(id, bytes) {
			const target = join(dir, objectName(id));
			await mkdir(dir, { recursive: true });
			// Write then rename so a reader never sees half a file, even after a crash.
			const temp = `${target}.${randomUUID()}.tmp`;
			try {
				await writeFile(temp, bytes);
				await rename(temp, target);
			} catch (error) {
				await rm(temp, { force: true });
				throw error;
			}
		},
		async get(id) {
			// A malformed id cannot name a stored file, so it reads as "not found".
			if (!UUID.test(id)) return null;
			try {
				return await readFile(join(dir, objectName(id)));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
		},
		async remove(id) {
			await rm(join(dir, objectName(id)), { force: true });
		}
	};
}

/** The slice of a supabase-js client we use, typed structurally so nothing imports supabase types. */
export type StorageClient = {
	storage: {
		from(bucket: string): {
			upload(
				path: string,
				body: Buffer,
				opts: { contentType: string; upsert: boolean }
			): Promise<{ error: unknown }>;
			download(path: string): Promise<{ data: Blob | null; error: unknown }>;
			remove(paths: string[]): Promise<{ error: unknown }>;
		};
	};
};

function isNotFound(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
	// Supabase Storage reports a missing object as HTTP 404, or as 400 carrying statusCode "404".
	return status === 404 || String(statusCode) === '404';
}

function storageError(action: string, error: unknown): Error {
	return new Error(`Screenshot ${action} failed`, { cause: error });
}

/**
 * Supabase mode. The bucket stays private: the server reads with the service-role client and
 * serves images through its own route, which checks who may see them.
 */
export function supabaseStore(client: StorageClient, bucket = 'screenshots'): ScreenshotStore {
	const files = () => client.storage.from(bucket);
	return {
		async put(id, bytes) {
			// upsert: a retried upload of the same fresh id must not fail as a duplicate.
			const { error } = await files().upload(objectName(id), bytes, {
				contentType: 'image/webp',
				upsert: true
			});
			if (error) throw storageError('upload', error);
		},
		async get(id) {
			if (!UUID.test(id)) return null;
			const { data, error } = await files().download(objectName(id));
			if (error) {
				if (isNotFound(error)) return null;
				throw storageError('download', error);
			}
			return data ? Buffer.from(await data.arrayBuffer()) : null;
		},
		async remove(id) {
			const { error } = await files().remove([objectName(id)]);
			if (error) throw storageError('removal', error);
		}
	};
}
