// Live updates: the database says "a request at school X changed" (pg_notify from the
// request_events trigger); this fans it out to the open pages of that school. Only the fact of a
// change travels: each page then reloads its own data through RLS, so nothing leaks.
import type { Db } from './db';

type Listener = () => void;
const bySchool = new Map<string, Set<Listener>>();

/** Starts hearing the database, where the mode allows it. */
export async function startLive(database: Db): Promise<void> {
	if (!database.listen) return;
	await database.listen('help_requests', (payload) => {
		let school: unknown;
		try {
			school = (JSON.parse(payload) as { school?: unknown }).school;
		} catch {
			return;
		}
		for (const listener of bySchool.get(String(school)) ?? []) listener();
	});
}

/** Calls `listener` whenever a request at `schoolId` changes; returns the way to stop. */
export function onSchoolChange(schoolId: string, listener: Listener): () => void {
	const set = bySchool.get(schoolId) ?? new Set();
	set.add(listener);
	bySchool.set(schoolId, set);
	return () => {
		set.delete(listener);
		if (set.size === 0) bySchool.delete(schoolId);
	};
}
