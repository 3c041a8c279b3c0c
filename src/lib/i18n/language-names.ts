// Language names in a reader's language. Building an Intl.DisplayNames is slow next to using one,
// and a queue page names languages on every card: keep one per locale for the server's life.
const cache = new Map<string, Intl.DisplayNames>();

/** The name of language `code` in `locale`, e.g. ('es', 'ar') -> 'الإسبانية'. */
export function languageName(code: string, locale: string): string {
	let names = cache.get(locale);
	if (!names) {
		names = new Intl.DisplayNames([locale], { type: 'language' });
		cache.set(locale, names);
	}
	return names.of(code) ?? code;
}
