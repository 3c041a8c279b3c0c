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
	/**
	 * Makes what the database needs for a new login: locally an argon2id hash; in Supabase mode
	 * the user is created in Supabase Auth and only its id is passed on.
	 */
	prepareLogin(email: string, password: string): Promise<NewLogin>;
	/** Undoes prepareLogin when the database then refused the account. */
	discardLogin(login: NewLogin): Promise<void>;
	/** A new password: locally the hash to store; in Supabase mode set in Supabase Auth (null). */
	preparePassword(userId: string, password: string): Promise<string | null>;
}

export interface NewLogin {
	passwordHash: string | null;
	userId?: string;
}

export const SESSION_COOKIE = 'tp_session';
