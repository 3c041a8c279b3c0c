import pg from 'pg';
import { callApi, callService } from './sql-call';
import type { Query, RunScript } from './migrate';
import type { Db } from './port';

export interface Server {
	db: Db;
	pool: pg.Pool;
	query: Query;
	runScript: RunScript;
	/** Runs `work` on one connection that holds the preparation lock for all of it. */
	exclusively<T>(work: (query: Query, runScript: RunScript) => Promise<T>): Promise<T>;
}

// One advisory lock key for preparing the database: migrations, the demo school, setup codes.
const PREPARATION_LOCK = 7301;

/** A PostgreSQL server through a connection pool; every call is one statement, its own transaction. */
export function postgresDb(connectionString: string, max = 10): Server {
	const pool = new pg.Pool({ connectionString, max });
	// An idle connection dropped by the server (a restart, a failover, a dropped test database)
	// must not crash the app: the pool replaces it on the next call.
	pool.on('error', (error) => console.error(`PostgreSQL closed an idle connection: ${error.message}`));
	const inTransaction = async <T>(work: (q: Query) => Promise<T>): Promise<T> => {
		const client = await pool.connect();
		try {
			await client.query('begin');
			const result = await work(async (sql, params) => (await client.query(sql, params)).rows);
			await client.query('commit');
			return result;
		} catch (error) {
			await client.query('rollback').catch(() => undefined);
			throw error;
		} finally {
			client.release();
		}
	};
	const query: Query = async (sql, params) => (await pool.query(sql, params)).rows;
	const runScript: RunScript = async (sql) => {
		await inTransaction(async (q) => {
			await q('select pg_advisory_xact_lock($1)', [PREPARATION_LOCK]);
			await q(sql, []);
		});
	};
	// Several servers may start together on one empty database. Locking each migration alone was
	// not enough: each server read the list of applied migrations before any lock, then applied
	// them again, and checked for a school before seeding one. So the whole preparation, from
	// reading that list to seeding, runs on one connection holding a session lock: the servers take
	// turns, and each one sees what the one before it did.
	const exclusively: Server['exclusively'] = async (work) => {
		const client = await pool.connect();
		try {
			await client.query('select pg_advisory_lock($1)', [PREPARATION_LOCK]);
			const q: Query = async (sql, params) => (await client.query(sql, params)).rows;
			const run: RunScript = async (sql) => {
				await client.query('begin');
				try {
					await client.query(sql);
					await client.query('commit');
				} catch (error) {
					await client.query('rollback').catch(() => undefined);
					throw error;
				}
			};
			return await work(q, run);
		} finally {
			await client.query('select pg_advisory_unlock($1)', [PREPARATION_LOCK]).catch(() => undefined);
			client.release();
		}
	};
	return {
		pool,
		query,
		runScript,
		exclusively,
		db: {
			mode: 'postgres',
			call: (fn, args, as) => callApi(query, fn, args, as),
			service: (fn, args) => callService(query, fn, args),
			listen: (channel, onMessage) => listenOn(connectionString, channel, onMessage),
			close: () => pool.end()
		}
	};
}

/** LISTEN needs a connection of its own, outside the pool, for as long as the server runs. */
async function listenOn(connectionString: string, channel: string, onMessage: (payload: string) => void) {
	const client = new pg.Client({ connectionString });
	client.on('error', (error) => console.error(`PostgreSQL closed the live-updates connection: ${error.message}`));
	client.on('notification', (n) => {
		if (n.channel === channel) onMessage(n.payload ?? '');
	});
	await client.connect();
	await client.query(`listen ${client.escapeIdentifier(channel)}`);
	return () => client.end();
}
