// Language names in a reader's language. Intl.DisplayNames is slow to build and not quick to ask,
// and a queue page names languages on every card: remember each name per locale for the server's
// life (a few languages times five locales).
const cache = new Map<string, Map<string, string>>();

/** The name of language `code` in `locale`, e.g. ('es', 'ar') -> 'الإسبانية'. */
export function languageName(code: string, locale: string): string {
	let names = cache.get(locale);
	if (!names) cache.set(locale, (names = new Map()));
	let name = names.get(code);
	if (name === undefined) {
		name = new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
		names.set(code, name);
	}
	return name;
}
