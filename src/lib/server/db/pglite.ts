import path from 'node:path';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { callApi, callService, type InTransaction } from './sql-call';
import type { Query, RunScript } from './migrate';
import type { Db } from './port';

export interface Embedded {
	db: Db;
	pg: PGlite;
	query: Query;
	runScript: RunScript;
}

/** Wraps an open PGlite in the Db port. */
export function embeddedDb(pg: PGlite): Embedded {
	const inTransaction: InTransaction = (work) =>
		pg.transaction((tx) => work(async (sql, params) => (await tx.query<Record<string, unknown>>(sql, params)).rows));
	const query: Query = async (sql, params) => (await pg.query<Record<string, unknown>>(sql, params)).rows;
	const runScript: RunScript = async (sql) => {
		await pg.transaction(async (tx) => {
			await tx.exec(sql);
		});
	};
	return {
		pg,
		query,
		runScript,
		db: {
			mode: 'embedded',
			call: (fn, args, as) => callApi(inTransaction, fn, args, as),
			service: (fn, args) => callService(inTransaction, fn, args),
			listen: (channel, onMessage) => pg.listen(channel, onMessage),
			close: () => pg.close()
		}
	};
}

/**
 * Opens (or creates) the embedded Postgres in DATA_DIR/pgdata. shared_buffers is kept small:
 * it is most of PGlite's memory, and a school's data fits easily.
 * Pass no dataDir for an in-memory database (tests).
 */
export async function openPglite(dataDir?: string, extensions?: Extensions): Promise<Embedded> {
	const pg = await PGlite.create({
		dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined,
		postgresqlconf: ['shared_buffers=16MB'],
		extensions
	});
	return embeddedDb(pg);
}
