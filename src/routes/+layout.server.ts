import { messagesFor } from '$lib/i18n/server';
import { localeDir } from '$lib/i18n/locales';
import type { LayoutServerLoad } from './$types';

// Only this language's strings are sent to the page.
export const load = (async ({ locals }) => {
	return {
		locale: locals.locale,
		dir: localeDir(locals.locale),
		messages: await messagesFor(locals.locale),
		reading: locals.reading,
		signedIn: locals.caller !== null
	};
}) satisfies LayoutServerLoad;
