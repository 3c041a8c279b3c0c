import { assertKnownCall, type ApiFunctionName, type ServiceFunctionName } from './api-functions';
import { toDbError } from './errors';
import type { Caller } from './port';

/** One statement inside an open transaction, with bound parameters. */
export type RunQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
/** Runs `work` inside begin/commit (rollback on throw) on one connection. */
export type InTransaction = <T>(work: (query: RunQuery) => Promise<T>) => Promise<T>;

// Role and claims in one statement, as PostgREST does. For a local session the claims come from
// the session table in the same statement, so checking the cookie costs no extra round trip.
const SET_FROM_SESSION = `select set_config('request.jwt.claims', c, true),
  set_config('request.jwt.claim.sub', coalesce(nullif(c, '')::jsonb ->> 'sub', ''), true),
  set_config('role', case when c = '' then 'anon' else 'authenticated' end, true)
  from (select coalesce(local_auth.session_claims($1), '') as c) s`;
const SET_FROM_CLAIMS = `select set_config('request.jwt.claims', $1, true),
  set_config('request.jwt.claim.sub', $2, true), set_config('role', $3, true)`;

/** Arrays go as Postgres arrays; objects as jsonb text. */
function bind(value: unknown): unknown {
	if (value === undefined) return null;
	if (Array.isArray(value)) return value;
	if (value !== null && typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
	return value;
}

function namedArgs(args: Record<string, unknown>): { list: string; params: unknown[] } {
	const names = Object.keys(args).filter((k) => args[k] !== undefined);
	return {
		list: names.map((n, i) => `${n} => $${i + 1}`).join(', '),
		params: names.map((n) => bind(args[n]))
	};
}

/** Calls api.<fn> as the caller, inside one transaction, and returns its jsonb result. */
export async function callApi(
	inTransaction: InTransaction,
	fn: ApiFunctionName,
	args: Record<string, unknown>,
	as: Caller
): Promise<unknown> {
	assertKnownCall(fn, args);
	const { list, params } = namedArgs(args);
	try {
		return await inTransaction(async (query) => {
			if (as?.kind === 'session') await query(SET_FROM_SESSION, [as.tokenHash]);
			else if (as?.kind === 'claims')
				await query(SET_FROM_CLAIMS, [JSON.stringify(as.claims), as.claims.sub, 'authenticated']);
			else await query(SET_FROM_CLAIMS, ['', '', 'anon']);
			const rows = await query(`select api.${fn}(${list}) as result`, params);
			return rows[0]?.result ?? null;
		});
	} catch (error) {
		throw toDbError(error);
	}
}

/** Calls a schema-qualified helper as service_role (local auth and start-up only). */
export async function callService(
	inTransaction: InTransaction,
	fn: ServiceFunctionName,
	args: Record<string, unknown>
): Promise<unknown> {
	assertKnownCall(fn, args, true);
	const { list, params } = namedArgs(args);
	try {
		return await inTransaction(async (query) => {
			await query(`select set_config('role', 'service_role', true)`, []);
			const rows = await query(`select ${fn}(${list}) as result`, params);
			return rows[0]?.result ?? null;
		});
	} catch (error) {
		throw toDbError(error);
	}
}
