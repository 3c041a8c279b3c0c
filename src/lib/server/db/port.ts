import type { ApiFunctionName, ServiceFunctionName } from './api-functions';

/** Who a call is made for: a local session cookie (hashed), verified claims, or nobody (anon). */
export type Caller =
	| { kind: 'session'; tokenHash: string }
	| { kind: 'claims'; claims: Claims; accessToken?: string }
	| null;

export interface Claims {
	sub: string;
	role: 'authenticated';
}

export type DbMode = 'embedded' | 'postgres' | 'supabase';

/** The one way the server reaches the database, whichever of the three modes is running. */
export interface Db {
	readonly mode: DbMode;
	/** Calls `api.<fn>` with named, bound arguments, as the caller (RLS applies). */
	call(fn: ApiFunctionName, args: Record<string, unknown>, as: Caller): Promise<unknown>;
	/** Calls a local-auth or start-up helper as service_role. Not available in Supabase mode. */
	service(fn: ServiceFunctionName, args: Record<string, unknown>): Promise<unknown>;
	/**
	 * Hears `pg_notify` on a channel (PGlite and PostgreSQL). Supabase mode has none: pages there
	 * update on reload. Returns the way to stop listening.
	 */
	listen?(channel: 'help_requests', onMessage: (payload: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
}
