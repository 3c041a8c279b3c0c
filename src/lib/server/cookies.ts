import type { Cookies } from '@sveltejs/kit';

export const LOCALE_COOKIE = 'tp_lang';
export const READING_COOKIE = 'tp_reading';

/** A JSON cookie, or undefined when it is missing or not JSON. */
export function readJsonCookie(cookies: Cookies, name: string): unknown {
	const raw = cookies.get(name);
	if (!raw) return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
}

export function writeJsonCookie(cookies: Cookies, name: string, value: unknown): void {
	cookies.set(name, JSON.stringify(value), { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 31536000 });
}
