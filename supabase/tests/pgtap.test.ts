// Runs the pgTAP files in supabase/tests/database on every test target, so the same files that
// `supabase test db` runs also guard PGlite and plain PostgreSQL. A file passes when every test
// printed `ok` and as many ran as it planned.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Extension, PGlite } from '@electric-sql/pglite';
import { pgtap } from '@electric-sql/pglite-pgtap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTargets, type TestDatabase } from '../../src/lib/server/db/testing';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'database');
const files = readdirSync(dir)
	.filter((f) => f.endsWith('.test.sql'))
	.sort();

/** Runs a whole file as one simple query and returns every value of every row, statement by statement. */
type Exec = (sql: string) => Promise<unknown[]>;

const values = (results: Array<{ rows: unknown[] }>) =>
	results.flatMap((r) => r.rows.flatMap((row) => Object.values(row as Record<string, unknown>)));

/** The TAP lines among the values (set_config and friends return other text), and what failed. */
function readTap(output: unknown[]): { tap: string[]; problems: string[] } {
	const tap = output
		.filter((v): v is string => typeof v === 'string')
		.flatMap((v) => v.split('\n'))
		.filter((l) => /^(not )?ok \d+|^1\.\.\d+$|^\s*#/.test(l));
	const plans = tap.filter((l) => /^1\.\.\d+$/.test(l)).map((l) => Number(l.slice(3)));
	const ran = tap.filter((l) => /^(not )?ok \d+/.test(l)).length;
	const problems = tap.filter((l) => l.startsWith('not ok') || l.startsWith('# Looks like'));
	if (plans.length !== 1) problems.push(`expected one plan line, found ${plans.length}`);
	else if (plans[0] !== ran) problems.push(`planned ${plans[0]} tests, ran ${ran}`);
	return { tap, problems };
}

describe.each(testTargets())('pgTAP on $target', ({ target, open }) => {
	let t: TestDatabase | undefined;
	let exec: Exec | undefined;
	let client: pg.Client | undefined;
	let unavailable = '';

	beforeAll(async () => {
		if (target === 'pglite') {
			// TestDatabase hides its PGlite; an extension's setup is handed the instance, so a
			// no-op extension lets us reach exec() without a second way of making a database.
			let handle: PGlite | undefined;
			const capture: Extension = {
				name: 'capture',
				setup: (p) => {
					handle = p as PGlite;
					return Promise.resolve({});
				}
			};
			t = await open({ extensions: { pgtap, capture } });
			const pglite = handle!;
			await pglite.exec('create extension if not exists pgtap');
			exec = async (sql) => {
				try {
					return values(await pglite.exec(sql));
				} finally {
					// A file that dies half-way leaves its transaction open (or aborted).
					if (pglite.isInTransaction()) await pglite.exec('rollback');
				}
			};
			return;
		}
		t = await open();
		const [{ available }] = await t.query(
			`select exists (select from pg_available_extensions where name = 'pgtap') as available`
		);
		if (!available) {
			unavailable =
				'pgTAP is not installed on this PostgreSQL server (apt-get install postgresql-15-pgtap)';
			console.warn(`skipping pgTAP on PostgreSQL: ${unavailable}`);
			return;
		}
		await t.query('create extension if not exists pgtap');
		// One connection for the whole file: it opens and rolls back its own transaction.
		const [{ name }] = await t.query('select current_database() as name');
		const url = new URL(process.env.TEST_DATABASE_URL!);
		url.pathname = `/${String(name)}`;
		const c = new pg.Client({ connectionString: url.toString() });
		await c.connect();
		client = c;
		exec = async (sql) => {
			try {
				// No parameters: the simple query protocol, which accepts many statements at once.
				const result = (await c.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
				return values(Array.isArray(result) ? result : [result]);
			} finally {
				await c.query('rollback').catch(() => undefined);
			}
		};
	});

	afterAll(async () => {
		await client?.end();
		await t?.close();
	});

	it.for(files)('%s', async (file, ctx) => {
		if (unavailable) ctx.skip(unavailable);
		const { tap, problems } = readTap(await exec!(readFileSync(path.join(dir, file), 'utf8')));
		expect(problems, `${file}\n${tap.join('\n')}`).toEqual([]);
	});
});
