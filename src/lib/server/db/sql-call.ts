import { assertKnownCall, type ApiFunctionName, type ServiceFunctionName } from './api-functions';
import { toDbError } from './errors';
import type { Caller } from './port';

/** One statement on its own (autocommit: its own transaction), with bound parameters. */
export type RunQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

// Role and claims are set as PostgREST sets them, but in the same statement as the call: one round
// trip instead of four (begin, set, call, commit), which is a tenth of a busy page's time on the
// embedded database. The settings are local to the statement's own transaction. The call reads
// its row from the materialized `caller` CTE, so it cannot run before the role is set; and api
// functions are never immutable (001-rls-enabled.test.sql checks), so none is folded into a
// constant while the statement is planned as the owner. For a local session the claims come from
// the session table, so checking the cookie costs nothing extra either.
const FROM_SESSION = `select set_config('request.jwt.claims', c, true),
  set_config('request.jwt.claim.sub', coalesce(nullif(c, '')::jsonb ->> 'sub', ''), true),
  set_config('role', case when c = '' then 'anon' else 'authenticated' end, true)
  from (select coalesce(local_auth.session_claims($1), '') as c) s`;
const FROM_CLAIMS = `select set_config('request.jwt.claims', $1, true),
  set_config('request.jwt.claim.sub', $2, true), set_config('role', $3, true)`;
const AS_SERVICE = `select set_config('role', 'service_role', true)`;

/** Arrays of plain values go as Postgres arrays (text[] and the like); objects, and arrays of
 * objects, as jsonb text. */
function bind(value: unknown): unknown {
	if (value === undefined) return null;
	if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value;
	if (Array.isArray(value)) return JSON.stringify(value);
	if (value !== null && typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
	return value;
}

/** `name => $n` for each argument given, numbered after the `first - 1` parameters before them. */
function namedArgs(args: Record<string, unknown>, first: number): { list: string; params: unknown[] } {
	const names = Object.keys(args).filter((k) => args[k] !== undefined);
	return {
		list: names.map((n, i) => `${n} => $${i + first}`).join(', '),
		params: names.map((n) => bind(args[n]))
	};
}

function callerSettings(as: Caller): { sql: string; params: unknown[] } {
	if (as?.kind === 'session') return { sql: FROM_SESSION, params: [as.tokenHash] };
	if (as?.kind === 'claims')
		return { sql: FROM_CLAIMS, params: [JSON.stringify(as.claims), as.claims.sub, 'authenticated'] };
	return { sql: FROM_CLAIMS, params: ['', '', 'anon'] };
}

async function callAs(run: RunQuery, settings: { sql: string; params: unknown[] }, fn: string, args: Record<string, unknown>) {
	const { list, params } = namedArgs(args, settings.params.length + 1);
	try {
		const rows = await run(`with caller as materialized (${settings.sql}) select ${fn}(${list}) as result from caller`, [
			...settings.params,
			...params
		]);
		return rows[0]?.result ?? null;
	} catch (error) {
		throw toDbError(error);
	}
}

/** Calls api.<fn> as the caller, in one statement, and returns its jsonb result. */
export async function callApi(run: RunQuery, fn: ApiFunctionName, args: Record<string, unknown>, as: Caller): Promise<unknown> {
	assertKnownCall(fn, args);
	return callAs(run, callerSettings(as), `api.${fn}`, args);
}

/** Calls a schema-qualified helper as service_role (local auth and start-up only). */
export async function callService(run: RunQuery, fn: ServiceFunctionName, args: Record<string, unknown>): Promise<unknown> {
	assertKnownCall(fn, args, true);
	return callAs(run, { sql: AS_SERVICE, params: [] }, fn, args);
}
