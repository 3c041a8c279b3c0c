import type { Messages } from './i18n';
import type { Locale } from './locales';

// Each language is its own chunk: a page downloads only its own language's strings, once, and
// the browser caches it. They are not repeated inside every page's HTML.
const loaders = import.meta.glob<Messages>('./locales/*.json', { import: 'default' });

/** The strings of one language (complete: the translation check fails on any gap). */
export function loadMessages(locale: Locale): Promise<Messages> {
	return loaders[`./locales/${locale}.json`]();
}
