import pg from 'pg';
import { callApi, callService } from './sql-call';
import type { Query, RunScript } from './migrate';
import type { Db } from './port';

export interface Server {
	db: Db;
	pool: pg.Pool;
	query: Query;
	runScript: RunScript;
}

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
			// Several servers may start together against one database: migrate one at a time.
			await q('select pg_advisory_xact_lock(7301)', []);
			await q(sql, []);
		});
	};
	return {
		pool,
		query,
		runScript,
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
