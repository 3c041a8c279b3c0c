import { getContext, setContext } from 'svelte';
import type { TOptions } from 'i18next';

export interface Translator {
	t: (key: string, options?: TOptions) => string;
	locale: string;
}

const KEY = Symbol('i18n');

/** Makes the page's translator available to every component below the root layout. */
export function provideI18n(translator: Translator): void {
	setContext(KEY, translator);
}

/** The translator for the current page's language. */
export function useI18n(): Translator {
	return getContext<Translator>(KEY);
}
