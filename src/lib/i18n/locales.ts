/** The interface languages, each named in itself. Arabic is right-to-left. */
export const LOCALES = [
	{ code: 'en', name: 'English', dir: 'ltr' },
	{ code: 'es', name: 'Español', dir: 'ltr' },
	{ code: 'ar', name: 'العربية', dir: 'rtl' },
	{ code: 'vi', name: 'Tiếng Việt', dir: 'ltr' },
	{ code: 'zh', name: '中文（简体）', dir: 'ltr' }
] as const;

export type Locale = (typeof LOCALES)[number]['code'];

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
	return LOCALES.some((l) => l.code === value);
}

export function localeDir(locale: Locale): 'ltr' | 'rtl' {
	return LOCALES.find((l) => l.code === locale)?.dir ?? 'ltr';
}

/** Picks the best supported language from an Accept-Language header. */
export function fromAcceptLanguage(header: string | null): Locale | null {
	if (!header) return null;
	const wanted = header
		.split(',')
		.map((part) => {
			const [tag, q] = part.trim().split(';q=');
			return { base: tag.toLowerCase().split('-')[0], q: q ? Number(q) : 1 };
		})
		.filter((w) => w.base && !Number.isNaN(w.q))
		.sort((a, b) => b.q - a.q);
	return (wanted.find((w) => isLocale(w.base))?.base as Locale | undefined) ?? null;
}
