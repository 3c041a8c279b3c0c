import type { ServerConfig } from '../config';
import type { Db } from '../db/port';
import { localAuth } from './local';
import { supabaseAuth } from './supabase';
import type { AuthService } from './types';

let current: AuthService | null = null;

/** Chooses the auth service for the run mode, once at start-up. */
export function startAuth(database: Db, config: ServerConfig): AuthService {
	current = config.mode === 'supabase' ? supabaseAuth(config) : localAuth(database, config);
	return current;
}

export function auth(): AuthService {
	if (!current) throw new Error('Auth has not been started');
	return current;
}

export { type AuthService, type SignInResult, SESSION_COOKIE } from './types';
