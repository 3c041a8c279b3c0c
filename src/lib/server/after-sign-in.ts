import type { Cookies } from '@sveltejs/kit';
import { currentPerson } from './api/session';
import { LOCALE_COOKIE, READING_COOKIE, writeJsonCookie } from './cookies';
import { isLocale } from '$lib/i18n/locales';
import { parseReading } from '$lib/reading/preferences';
import type { Caller } from './db/port';

/**
 * Reading preferences and the interface language are stored with the account; on sign-in they
 * are copied into this browser's cookies, so the first page after it is already in the person's
 * own language and reading mode, on any Chromebook.
 */
export async function afterSignIn(cookies: Cookies, caller: Caller): Promise<void> {
	const person = await currentPerson(caller);
	if (person && Object.keys(person.reading_preferences).length > 0) {
		writeJsonCookie(cookies, READING_COOKIE, parseReading(person.reading_preferences));
	}
	if (person && isLocale(person.interface_language)) {
		cookies.set(LOCALE_COOKIE, person.interface_language, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 31536000 });
	}
}
