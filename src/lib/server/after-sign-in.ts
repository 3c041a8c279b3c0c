import type { Cookies } from '@sveltejs/kit';
import { currentPerson } from './api/session';
import { READING_COOKIE, writeJsonCookie } from './cookies';
import { parseReading } from '$lib/reading/preferences';
import type { Caller } from './db/port';

/**
 * Reading preferences are stored with the account; on sign-in they are copied into this
 * browser's cookie so the very first page after it renders in the person's own reading mode.
 */
export async function afterSignIn(cookies: Cookies, caller: Caller): Promise<void> {
	const person = await currentPerson(caller);
	if (person && Object.keys(person.reading_preferences).length > 0) {
		writeJsonCookie(cookies, READING_COOKIE, parseReading(person.reading_preferences));
	}
}
