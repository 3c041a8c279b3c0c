import { createHash } from 'node:crypto';
import type { SqlFile } from './sql-files';

/** Runs a whole SQL script (several statements, no parameters) inside one transaction. */
export type RunScript = (sql: string) => Promise<void>;
export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export class MigrationEditedError extends Error {
	constructor(readonly file: string) {
		super(
			`Migration ${file} was changed after it was applied to this database. ` +
				'Applied migrations must never be edited: restore the file and add a new migration instead.'
		);
		this.name = 'MigrationEditedError';
	}
}

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

const TRACKING = `create schema if not exists app_meta;
revoke all on schema app_meta from public;
create table if not exists app_meta.applied_migrations (
  name text primary key,
  checksum text not null,
  applied_at timestamptz not null default now()
);`;

/**
 * Applies each file not yet applied, in order, one transaction each, and records its checksum.
 * Refuses (naming the file) if an applied file has since changed. Returns the names applied now.
 */
export async function migrate(query: Query, runScript: RunScript, files: SqlFile[]): Promise<string[]> {
	await runScript(TRACKING);
	const rows = await query('select name, checksum from app_meta.applied_migrations');
	const applied = new Map(rows.map((r) => [String(r.name), String(r.checksum)]));
	for (const file of files) {
		const known = applied.get(file.name);
		if (known !== undefined && known !== checksum(file.sql)) throw new MigrationEditedError(file.name);
	}
	const done: string[] = [];
	for (const file of files) {
		if (applied.has(file.name)) continue;
		const record = `insert into app_meta.applied_migrations (name, checksum) values ('${file.name.replaceAll("'", "''")}', '${checksum(file.sql)}');`;
		await runScript(`${file.sql}\n;\n${record}`);
		done.push(file.name);
	}
	return done;
}
