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

/**
 * A fresh i18next instance for one request or one page: never a shared singleton, since
 * requests in different languages are served at the same time. English fills any gap, so a
 * missing string shows in English, never as a raw key.
 */
export function createI18n(locale: Locale, messages: Messages, fallback?: Messages): i18n {
	return template(locale, messages, fallback).cloneInstance({ lng: locale, initAsync: false });
}
