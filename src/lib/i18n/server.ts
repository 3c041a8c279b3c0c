// Server side: which language a request gets, and only that language's strings.
import en from './locales/en.json';
import { DEFAULT_LOCALE, fromAcceptLanguage, isLocale, type Locale } from './locales';
import type { Messages } from './i18n';

const loaders = import.meta.glob<Messages>('./locales/*.json', { import: 'default' });
const cache = new Map<Locale, Messages>([['en', en]]);

/**
 * The strings of one language, with English filling any key it still lacks, so a page shows
 * English for a missing string, never a raw key. (The translation check keeps the gaps at zero.)
 */
export async function messagesFor(locale: Locale): Promise<Messages> {
	let messages = cache.get(locale);
	if (!messages) {
		messages = withFallback(en, await loaders[`./locales/${locale}.json`]());
		cache.set(locale, messages);
	}
	return messages;
}

function withFallback(fallback: Messages, messages: Messages): Messages {
	const merged: Messages = { ...messages };
	for (const [key, value] of Object.entries(fallback)) {
		const own = messages[key];
		if (own === undefined) merged[key] = value;
		else if (typeof value === 'object' && value && typeof own === 'object' && own)
			merged[key] = withFallback(value as Messages, own as Messages);
	}
	return merged;
}

export const english: Messages = en;

/** ?lang, then the cookie, then Accept-Language, then English. (Sign-in puts the user's own preference in the cookie.) */
export function chooseLocale(url: URL, cookie: string | undefined, acceptLanguage: string | null): Locale {
	const fromQuery = url.searchParams.get('lang');
	if (isLocale(fromQuery)) return fromQuery;
	if (isLocale(cookie)) return cookie;
	return fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
