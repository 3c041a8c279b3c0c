import { createServerClient } from '@supabase/ssr';
import type { Cookies } from '@sveltejs/kit';
import type { ServerConfig } from '../config';
import { createAuthUser, deleteAuthUser, setAuthPassword } from './supabase-admin';
import type { AuthService } from './types';

/**
 * Supabase Auth through @supabase/ssr. The token in the cookie is validated with Supabase
 * (getUser) on every request instead of being trusted; Supabase applies its own rate limits.
 */
export function supabaseAuth(config: ServerConfig): AuthService {
	const settings = config.supabase!;
	const client = (cookies: Cookies) =>
		createServerClient(settings.url, settings.anonKey, {
			cookies: {
				getAll: () => cookies.getAll(),
				setAll: (list) => list.forEach(({ name, value, options }) => cookies.set(name, value, { ...options, path: '/' }))
			}
		});

	return {
		async caller(cookies) {
			const supabase = client(cookies);
			const { data, error } = await supabase.auth.getUser();
			if (error || !data.user) return null;
			const { data: session } = await supabase.auth.getSession();
			return {
				kind: 'claims',
				claims: { sub: data.user.id, role: 'authenticated' },
				accessToken: session.session?.access_token
			};
		},
		async signIn(cookies, { email, password }) {
			const { data, error } = await client(cookies).auth.signInWithPassword({ email, password });
			if (error?.status === 429) return { ok: false, reason: 'rate_limited', retryAfterSeconds: 60 };
			if (error || !data.user) return { ok: false, reason: 'invalid' };
			return {
				ok: true,
				userId: data.user.id,
				caller: { kind: 'claims', claims: { sub: data.user.id, role: 'authenticated' }, accessToken: data.session?.access_token }
			};
		},
		async startSession(cookies, _userId, password, email) {
			if (!password || !email) return null;
			const { data } = await client(cookies).auth.signInWithPassword({ email, password });
			if (!data.user || !data.session) return null;
			return { kind: 'claims', claims: { sub: data.user.id, role: 'authenticated' }, accessToken: data.session.access_token };
		},
		async signOut(cookies) {
			await client(cookies).auth.signOut();
		},
		async prepareLogin(email, password) {
			return { passwordHash: null, userId: await createAuthUser(config, email, password) };
		},
		async discardLogin(login) {
			if (login.userId) await deleteAuthUser(config, login.userId);
		},
		async preparePassword(userId, password) {
			await setAuthPassword(config, userId, password);
			return null;
		}
	};
}
