import type { Cookies } from '@sveltejs/kit';
import type { ServerConfig } from '../config';
import type { Db } from '../db/port';
import { hashPassword, verifyPassword } from './passwords';
import { hashToken, newToken } from './tokens';
import { SESSION_COOKIE, type AuthService, type SignInResult } from './types';

/** Accounts kept in the app's own database (embedded and postgres modes). */
export function localAuth(db: Db, config: ServerConfig): AuthService {
	const ttlSeconds = config.sessionHours * 3600;
	const setCookie = (cookies: Cookies, token: string) =>
		cookies.set(SESSION_COOKIE, token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: ttlSeconds
		});

	return {
		caller(cookies) {
			const token = cookies.get(SESSION_COOKIE);
			// The session is checked inside each database call, in the same statement that sets the role.
			return Promise.resolve(token ? { kind: 'session', tokenHash: hashToken(token) } : null);
		},

		async signIn(cookies, { email, password, address }): Promise<SignInResult> {
			const { accountLimit, addressLimit, windowSeconds } = config.signIn;
			const gate = (await db.service('local_auth.begin_sign_in', {
				p_email: email,
				p_address: address,
				p_account_limit: accountLimit,
				p_address_limit: addressLimit,
				p_window_seconds: windowSeconds
			})) as { attempt_id?: number; user_id?: string | null; password_hash?: string | null; inactive?: boolean; retry_after_seconds?: number };
			// The try is already counted (atomically, before the password is checked), so a burst of
			// requests, on one server or several, gets no more password checks than the limit.
			if (gate.retry_after_seconds) return { ok: false, reason: 'rate_limited', retryAfterSeconds: gate.retry_after_seconds };
			const valid = await verifyPassword(gate.password_hash ?? null, password);
			const token = valid && gate.user_id && !gate.inactive ? newToken() : null;
			await db.service('local_auth.finish_sign_in', {
				p_attempt_id: gate.attempt_id,
				p_user_id: gate.user_id ?? null,
				p_token_hash: token ? hashToken(token) : null,
				p_ttl_seconds: ttlSeconds
			});
			if (valid && gate.inactive) return { ok: false, reason: 'inactive' };
			if (!token || !gate.user_id) return { ok: false, reason: 'invalid' };
			setCookie(cookies, token);
			return { ok: true, userId: gate.user_id, caller: { kind: 'session', tokenHash: hashToken(token) } };
		},

		async startSession(cookies, userId) {
			const token = newToken();
			await db.service('local_auth.start_session', {
				p_user_id: userId,
				p_token_hash: hashToken(token),
				p_ttl_seconds: ttlSeconds
			});
			setCookie(cookies, token);
			return { kind: 'session', tokenHash: hashToken(token) };
		},

		async signOut(cookies) {
			const token = cookies.get(SESSION_COOKIE);
			if (token) await db.service('local_auth.end_session', { p_token_hash: hashToken(token) });
			cookies.delete(SESSION_COOKIE, { path: '/' });
		},

		prepareLogin: async (_email, password) => ({ passwordHash: await hashPassword(password) }),
		discardLogin: () => Promise.resolve(),
		preparePassword: (_userId, password) => hashPassword(password)
	};
}
