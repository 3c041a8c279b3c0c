import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { saveReadingPreferences } from '$lib/server/api/profile';
import { READING_COOKIE, writeJsonCookie } from '$lib/server/cookies';
import { failFrom } from '$lib/server/respond';
import { DEFAULT_READING, DYSLEXIA_PRESET, readingPreferencesSchema, type ReadingPreferences } from '$lib/reading/preferences';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals }) => ({ reading: locals.reading })) satisfies PageServerLoad;

// Checkboxes arrive as 'on' or not at all.
const formSchema = readingPreferencesSchema.extend({
	lineFocus: z.literal('on').optional().transform(Boolean),
	reduceMotion: z.literal('on').optional().transform(Boolean)
});

/** Visitors keep preferences in a cookie; signed-in people also with their account, to follow them. */
async function keep(locals: App.Locals, cookies: Parameters<Actions[string]>[0]['cookies'], prefs: ReadingPreferences) {
	if (locals.caller) await saveReadingPreferences(locals.caller, prefs);
	writeJsonCookie(cookies, READING_COOKIE, prefs);
	locals.reading = prefs;
}

export const actions = {
	save: async ({ request, locals, cookies }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = formSchema.safeParse(form);
		if (!parsed.success) return fail(400, { message: 'reading.invalid' });
		try {
			await keep(locals, cookies, parsed.data);
		} catch (e) {
			return failFrom(e);
		}
		return { saved: 'reading.saved' };
	},
	dyslexia: async ({ locals, cookies }) => {
		try {
			await keep(locals, cookies, DYSLEXIA_PRESET);
		} catch (e) {
			return failFrom(e);
		}
		return { saved: 'reading.preset_applied' };
	},
	reset: async ({ locals, cookies }) => {
		try {
			await keep(locals, cookies, DEFAULT_READING);
		} catch (e) {
			return failFrom(e);
		}
		return { saved: 'reading.reset_done' };
	}
} satisfies Actions;
