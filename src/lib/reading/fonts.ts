import type { Locale } from '$lib/i18n/locales';
import type { ReadingPreferences } from './preferences';

/**
 * The font files a page's first screen is drawn with, for its language and the reader's font.
 * Without a preload the browser finds them only after the stylesheet is parsed and the page laid
 * out, so text is drawn twice and the page jumps. Only these few are preloaded: every other
 * subset (Latin Extended, Arabic letters in a language list) still loads when a character needs it.
 *
 * Names are the @fontsource file names, `<family>-<subset>-<weight>-normal`; the build adds a hash.
 */
export function firstScreenFonts(locale: Locale, font: ReadingPreferences['font']): string[] {
	// Mirrors app.css: Vietnamese reads in Lexend (the others lack its letters) unless the system font is chosen.
	const family =
		font === 'system'
			? null
			: locale === 'vi'
				? 'lexend'
				: { atkinson: 'atkinson-hyperlegible-next', lexend: 'lexend', opendyslexic: 'opendyslexic' }[font];
	const subsets: string[] = [];
	if (family) subsets.push(`${family}-latin`);
	if (family && locale === 'vi') subsets.push(`${family}-vietnamese`);
	// Arabic letters come from Noto Sans Arabic whatever font is chosen: none of the others has them.
	if (locale === 'ar') subsets.push('noto-sans-arabic-arabic');
	// Regular for text, bold for headings, labels and buttons: both are on every first screen.
	return subsets.flatMap((s) => [`${s}-400-normal`, `${s}-700-normal`]);
}

/** SvelteKit's `preload` filter: scripts and styles as before, and only the first screen's fonts (woff2). */
export function preloads(file: { type: string; path: string }, locale: Locale, font: ReadingPreferences['font']): boolean {
	if (file.type === 'js' || file.type === 'css') return true;
	if (file.type !== 'font' || !file.path.endsWith('.woff2')) return false;
	const name = file.path.slice(file.path.lastIndexOf('/') + 1);
	return firstScreenFonts(locale, font).some((wanted) => name.startsWith(`${wanted}.`));
}
