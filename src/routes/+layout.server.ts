import { localeDir } from '$lib/i18n/locales';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => {
	return {
		locale: locals.locale,
		dir: localeDir(locals.locale),
		reading: locals.reading,
		signedIn: locals.caller !== null
	};
}) satisfies LayoutServerLoad;
