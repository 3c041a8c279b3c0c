import i18next, { type i18n, type Resource } from 'i18next';
import type { Locale } from './locales';

export type Messages = Record<string, unknown>;

/**
 * A fresh i18next instance for one request or one page: never a shared singleton, since
 * requests in different languages are served at the same time. English fills any gap, so a
 * missing string shows in English, never as a raw key.
 */
export function createI18n(locale: Locale, messages: Messages, fallback?: Messages): i18n {
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
	return instance;
}
