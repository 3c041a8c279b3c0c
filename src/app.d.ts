import type { i18n } from 'i18next';
import type { Caller } from '$lib/server/db/port';
import type { Locale } from '$lib/i18n/locales';
import type { ReadingPreferences } from '$lib/reading/preferences';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			/** The i18next instance for this request's language (shared, read-only). */
			i18n: i18n;
			/** Who the database should see: the session cookie, or nobody. */
			caller: Caller;
			reading: ReadingPreferences;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
