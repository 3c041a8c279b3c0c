import path from 'node:path';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { serialize } from 'pg-protocol';
import pgUtils from 'pg/lib/utils.js';
import { callApi, callService, type RunQuery } from './sql-call';
import type { Query, RunScript } from './migrate';
import type { Db } from './port';

export interface Embedded {
	db: Db;
	pg: PGlite;
	query: Query;
	runScript: RunScript;
	/** Only one process opens a data directory (see lock.ts), so nothing else can interleave. */
	exclusively<T>(work: (query: Query, runScript: RunScript) => Promise<T>): Promise<T>;
}

// PGlite runs no autovacuum, so nothing refreshes the planner's statistics: after a roster import
// (or the bench's 3,300-person school) the planner still believes a school has a dozen people and
// sorts the whole school for each page of the people list instead of reading an index in order.
// So, like autovacuum's analyze, analyze the tables that grew by a fifth (by pages) since they
// were last analyzed: at open and every 15 minutes. Only grown tables, so usually nothing runs.
const GROWN_TABLES = `select format('%I.%I', n.nspname, c.relname) as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
    and pg_relation_size(c.oid) / current_setting('block_size')::int > greatest(c.relpages * 1.2, 8)`;
const ANALYZE_EVERY_MS = 15 * 60 * 1000;

async function analyzeGrownTables(pg: PGlite): Promise<void> {
	const { rows } = await pg.query<{ name: string }>(GROWN_TABLES);
	if (rows.length) await pg.exec(`analyze ${rows.map((r) => r.name).join(', ')}`);
}

// pg.query() talks to Postgres in six trips (parse, describe, bind, describe, execute, sync),
// each a call into WebAssembly; for a page's one api call that was a tenth of its database time.
// An api call needs no parameter types up front (Postgres takes them from the function), so its
// messages go in one trip. Parameters are sent as text, encoded by node-postgres (arrays, dates);
// the api function's jsonb result comes back as text. Like pg.query(), it waits for any open
// transaction and query, and Postgres errors are thrown as PGlite throws them.
function oneTrip(pg: PGlite): RunQuery {
	return async (sql, params) => {
		const message = Buffer.concat([
			serialize.parse({ text: sql }),
			serialize.bind({ values: params.map((value) => pgUtils.prepareValue(value)) }),
			serialize.describe({ type: 'P' }),
			serialize.execute({}),
			serialize.sync()
		]);
		const { messages } = await pg._runExclusiveTransaction(() => pg._runExclusiveQuery(() => pg.execProtocol(message)));
		const fields = messages.find((m) => m.name === 'rowDescription') as { fields: Array<{ name: string }> } | undefined;
		const row = messages.find((m) => m.name === 'dataRow') as { fields: Array<string | null> } | undefined;
		if (!fields || !row) return [];
		return [Object.fromEntries(fields.fields.map((f, i) => [f.name, row.fields[i] === null ? null : JSON.parse(row.fields[i]!)]))];
	};
}

/** Wraps an open PGlite in the Db port. */
export function embeddedDb(pg: PGlite, onClose?: () => void): Embedded {
	const query: Query = async (sql, params) => (await pg.query<Record<string, unknown>>(sql, params)).rows;
	const runScript: RunScript = async (sql) => {
		await pg.transaction(async (tx) => {
			await tx.exec(sql);
		});
	};
	const apiCall = oneTrip(pg);
	return {
		pg,
		query,
		runScript,
		exclusively: (work) => work(query, runScript),
		db: {
			mode: 'embedded',
			call: (fn, args, as) => callApi(apiCall, fn, args, as),
			service: (fn, args) => callService(query, fn, args),
			listen: (channel, onMessage) => pg.listen(channel, onMessage),
			close: () => {
				onClose?.();
				return pg.close();
			}
		}
	};
}

/**
 * Opens (or creates) the embedded Postgres in DATA_DIR/pgdata. shared_buffers is kept small:
 * it is most of PGlite's memory, and a school's data fits easily.
 * Pass no dataDir for an in-memory database (tests; no statistics upkeep).
 */
export async function openPglite(dataDir?: string, extensions?: Extensions): Promise<Embedded> {
	const pg = await PGlite.create({
		dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined,
		postgresqlconf: ['shared_buffers=16MB'],
		// Walkthrough search ignores accents (unaccent); the migrations create it in every mode.
		extensions: { unaccent, ...extensions }
	});
	if (!dataDir) return embeddedDb(pg);
	await analyzeGrownTables(pg);
	const timer = setInterval(() => {
		if (pg.closed) return;
		analyzeGrownTables(pg).catch((error: unknown) =>
			console.error('Could not refresh the planner statistics:', error)
		);
	}, ANALYZE_EVERY_MS).unref();
	return embeddedDb(pg, () => clearInterval(timer));
}
