// SQL bundled into the build, so a built server needs nothing but itself and a data directory.

export interface SqlFile {
	name: string;
	sql: string;
}

function sorted(files: Record<string, string>, strip: string): SqlFile[] {
	return Object.entries(files)
		.map(([file, sql]) => ({ name: file.replace(strip, ''), sql }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** What Supabase provides, for PGlite and plain PostgreSQL only. */
export const shimFiles: SqlFile[] = sorted(
	import.meta.glob('./shim/*.sql', { query: '?raw', import: 'default', eager: true }),
	'./'
);

/** supabase/migrations, in order: the only schema history. */
export const migrationFiles: SqlFile[] = sorted(
	import.meta.glob('/supabase/migrations/*.sql', { query: '?raw', import: 'default', eager: true }),
	'/supabase/'
);

/** supabase/seed.sql: the demo school. */
export const demoSeed: string = Object.values(
	import.meta.glob('/supabase/seed.sql', { query: '?raw', import: 'default', eager: true })
)[0] as string;
