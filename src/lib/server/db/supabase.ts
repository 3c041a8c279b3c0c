import { createClient } from '@supabase/supabase-js';
import { assertKnownCall } from './api-functions';
import { DbError, toDbError } from './errors';
import type { Db } from './port';

export interface SupabaseSettings {
	url: string;
	anonKey: string;
}

/**
 * Supabase: PostgREST does what the SQL transports do (role, claims, named arguments), so each
 * call is `.schema('api').rpc(fn, args)` with the user's own access token. RLS applies the same.
 */
export function supabaseDb(settings: SupabaseSettings): Db {
	const clientFor = (accessToken?: string) =>
		createClient(settings.url, settings.anonKey, {
			auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
			global: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : undefined
		});
	return {
		mode: 'supabase',
		async call(fn, args, as) {
			assertKnownCall(fn, args);
			if (as?.kind === 'session') throw new DbError('unauthenticated', 'auth.required');
			const accessToken = as?.kind === 'claims' ? as.accessToken : undefined;
			const { data, error } = await clientFor(accessToken).schema('api').rpc(fn, args);
			if (error) throw toDbError(error);
			return data;
		},
		service() {
			return Promise.reject(new DbError('unavailable', 'errors.unavailable', 'Supabase Auth handles accounts in Supabase mode'));
		},
		async close() {}
	};
}
