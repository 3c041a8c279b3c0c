// Fresh databases for tests: PGlite always, and a real PostgreSQL server when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Extensions } from '@electric-sql/pglite';
import { openPglite } from './pglite';
import { postgresDb } from './postgres';
import { prepareDatabase } from './prepare';
import type { Query, RunScript } from './migrate';
import type { Db } from './port';

export interface TestDatabase {
	target: 'pglite' | 'postgres';
	db: Db;
	query: Query;
	runScript: RunScript;
	/** PostgreSQL only: the database's address, so a test can connect a second app server to it. */
	url?: string;
	close(): Promise<void>;
}

export interface TestOptions {
	demo?: boolean;
	extensions?: Extensions;
}

export async function freshPglite(options: TestOptions = {}): Promise<TestDatabase> {
	const e = await openPglite(undefined, options.extensions);
	await prepareDatabase(e.query, e.runScript, { demo: options.demo ?? true });
	return { target: 'pglite', db: e.db, query: e.query, runScript: e.runScript, close: () => e.pg.close() };
}

/** A new database on the server named by TEST_DATABASE_URL, dropped again on close. */
export async function freshPostgres(url: string, options: TestOptions = {}): Promise<TestDatabase> {
	const name = `tp_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const target = new URL(url);
	target.pathname = `/${name}`;
	const server = postgresDb(target.toString(), 60);
	await server.exclusively((query, runScript) => prepareDatabase(query, runScript, { demo: options.demo ?? true }));
	return {
		target: 'postgres',
		db: server.db,
		query: server.query,
		runScript: server.runScript,
		url: target.toString(),
		async close() {
			await server.pool.end();
			const cleanup = new pg.Client({ connectionString: url });
			await cleanup.connect();
			await cleanup.query(`drop database if exists ${name} with (force)`);
			await cleanup.end();
		}
	};
}

/** The databases every database test runs on. */
export function testTargets(): Array<{ target: 'pglite' | 'postgres'; open: (o?: TestOptions) => Promise<TestDatabase> }> {
	const url = process.env.TEST_DATABASE_URL;
	return [
		{ target: 'pglite', open: (o) => freshPglite(o) },
		...(url ? [{ target: 'postgres' as const, open: (o?: TestOptions) => freshPostgres(url, o) }] : [])
	];
}
