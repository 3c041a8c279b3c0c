import i18next, { type i18n, type Resource } from 'i18next';
import type { Locale } from './locales';

export type Messages = Record<string, unknown>;

// One fully initialised instance per set of strings, kept only as a template: each request (or
// page) gets its own clone, which shares the read-only strings but never a language switch.
const templates = new WeakMap<Messages, i18n>();

function template(locale: Locale, messages: Messages, fallback?: Messages): i18n {
	let base = templates.get(messages);
	if (!base) {
		const resources: Resource = { [locale]: { translation: messages } };
		if (fallback && locale !== 'en') resources.en = { translation: fallback };
		base = i18next.createInstance();
		void base.init({
			lng: locale,
			fallbackLng: 'en',
			resources,
			initAsync: false,
			interpolation: { escapeValue: false }, // Svelte escapes on output
			returnNull: false
		});
		templates.set(messages, base);
	}
	return base;
}

// Most strings on a page are labels without options (a page of 25 request cards asks for ~400),
// the same for every request in a language, and i18next's lookup was a sixth of a page's server
// time and a quarter of its garbage. So a label, once looked up, is remembered per template.
const labels = new WeakMap<i18n, Map<string, string>>();

/**
 * A fresh i18next instance for one request or one page: never a shared singleton, since
 * requests in different languages are served at the same time. English fills any gap, so a
 * missing string shows in English, never as a raw key.
 */
export function createI18n(locale: Locale, messages: Messages, fallback?: Messages): i18n {
	const base = template(locale, messages, fallback);
	const instance = base.cloneInstance({ lng: locale, initAsync: false });
	let known = labels.get(base);
	if (!known) labels.set(base, (known = new Map()));
	const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => string;
	instance.t = ((key: unknown, ...rest: unknown[]) => {
		if (typeof key !== 'string' || rest.some((arg) => arg !== undefined))
			return translate(key, ...rest);
		let text = known.get(key);
		if (text === undefined) known.set(key, (text = translate(key)));
		return text;
	}) as unknown as typeof instance.t;
	return instance;
}
