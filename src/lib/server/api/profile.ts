import { db, type Caller } from '../db';
import type { ReadingPreferences } from '$lib/reading/preferences';

/** Stores reading preferences with the account, so they follow the person to any Chromebook. */
export async function saveReadingPreferences(caller: Caller, preferences: ReadingPreferences): Promise<void> {
	await db().call('save_reading_preferences', { p_preferences: preferences }, caller);
}

/** Remembers the interface language a signed-in person switched to. */
export async function setInterfaceLanguage(caller: Caller, locale: string): Promise<void> {
	await db().call('set_interface_language', { p_locale: locale }, caller);
}

export async function updateMyProfile(caller: Caller, displayName: string, languages: string[]): Promise<void> {
	await db().call('update_my_profile', { p_display_name: displayName, p_languages: languages }, caller);
}
