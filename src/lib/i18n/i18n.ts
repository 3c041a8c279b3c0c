import i18next, { type i18n, type Resource } from 'i18next';
import type { Locale } from './locales';

export type Messages = Record<string, unknown>;

// One instance per set of strings, made once and then only read. Requests in different languages
// are served at the same time, so an instance is never switched to another language (nothing
// calls changeLanguage; a language switch is a new page with its own strings). Cloning an instance
// for every request cost a page about 1% of its server time.
const instances = new WeakMap<Messages, i18n>();

// Most strings on a page are labels without options (a page of 25 request cards asks for ~400),
// the same for every request in a language, and i18next's lookup was a sixth of a page's server
// time and a quarter of its garbage. So a label, once looked up, is remembered per instance.
function build(locale: Locale, messages: Messages, fallback?: Messages): i18n {
	const resources: Resource = { [locale]: { translation: messages } };
	if (fallback && locale !== 'en') resources.en = { translation: fallback };
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		fallbackLng: 'en',
		resources,
		initAsync: false,
		interpolation: { escapeValue: false }, // Svelte escapes on output
		returnNull: false
	});
	const known = new Map<string, string>();
	const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => string;
	instance.t = ((key: unknown, ...rest: unknown[]) => {
		if (typeof key !== 'string' || rest.some((arg) => arg !== undefined)) return translate(key, ...rest);
		let text = known.get(key);
		if (text === undefined) known.set(key, (text = translate(key)));
		return text;
	}) as unknown as typeof instance.t;
	return instance;
}

/**
 * The i18next instance for a locale's strings. English fills any gap, so a missing string shows
 * in English, never as a raw key. Shared: use it only to translate.
 */
export function createI18n(locale: Locale, messages: Messages, fallback?: Messages): i18n {
	let instance = instances.get(messages);
	if (!instance) instances.set(messages, (instance = build(locale, messages, fallback)));
	return instance;
}
