import type { Cookies } from '@sveltejs/kit';
import type { Caller } from '../db/port';

export type SignInResult =
	| { ok: true; userId: string; caller: Caller }
	| { ok: false; reason: 'invalid' | 'inactive' }
	| { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/** Local accounts and Supabase Auth behind one interface. */
export interface AuthService {
	/** Who the request's cookies stand for (validated, never trusted blindly). */
	caller(cookies: Cookies): Promise<Caller>;
	signIn(cookies: Cookies, login: { email: string; password: string; address: string }): Promise<SignInResult>;
	/** Starts a session for a user who just proved themselves another way (invite, setup, demo). */
	startSession(cookies: Cookies, userId: string, password?: string, email?: string): Promise<Caller>;
	signOut(cookies: Cookies): Promise<void>;
	/** The hash the database stores locally; null where the auth provider keeps passwords itself. */
	passwordHash(password: string): Promise<string | null>;
}

export const SESSION_COOKIE = 'tp_session';
