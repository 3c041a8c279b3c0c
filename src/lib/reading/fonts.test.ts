import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/i18n/locales';
import { firstScreenFonts, preloads } from './fonts';

const FONTS = ['atkinson', 'lexend', 'opendyslexic', 'system'] as const;
const built = (name: string) => `/_app/immutable/assets/${name}.B4x_9kZq.woff2`;

describe('the font files preloaded with a page', () => {
	it('are files the installed @fontsource packages really have, so a renamed file cannot drop a preload unseen', () => {
		for (const { code } of LOCALES) {
			for (const font of FONTS) {
				for (const name of firstScreenFonts(code, font)) {
					const pkg = name.replace(/-(latin|vietnamese|arabic)-\d+-normal$/, '');
					expect(fs.existsSync(`node_modules/@fontsource/${pkg}/files/${name}.woff2`), name).toBe(true);
				}
			}
		}
	});

	it('follow the language and the reader’s font: regular and bold of the one subset the text is in', () => {
		expect(firstScreenFonts('en', 'atkinson')).toEqual(['atkinson-hyperlegible-next-latin-400-normal', 'atkinson-hyperlegible-next-latin-700-normal']);
		expect(firstScreenFonts('es', 'opendyslexic')).toEqual(['opendyslexic-latin-400-normal', 'opendyslexic-latin-700-normal']);
		// Vietnamese reads in Lexend whatever is chosen (as app.css says), with its Vietnamese letters.
		expect(firstScreenFonts('vi', 'atkinson')).toEqual([
			'lexend-latin-400-normal',
			'lexend-latin-700-normal',
			'lexend-vietnamese-400-normal',
			'lexend-vietnamese-700-normal'
		]);
		expect(firstScreenFonts('ar', 'atkinson')).toContain('noto-sans-arabic-arabic-400-normal');
		// The system font downloads nothing, except Arabic letters it may lack.
		expect(firstScreenFonts('en', 'system')).toEqual([]);
		expect(firstScreenFonts('ar', 'system')).toEqual(['noto-sans-arabic-arabic-400-normal', 'noto-sans-arabic-arabic-700-normal']);
	});

	it('keep SvelteKit’s script and style preloads and leave out every other font file', () => {
		expect(preloads({ type: 'js', path: '/_app/immutable/entry/start.js' }, 'en', 'atkinson')).toBe(true);
		expect(preloads({ type: 'css', path: '/_app/immutable/assets/0.css' }, 'en', 'atkinson')).toBe(true);
		expect(preloads({ type: 'font', path: built('atkinson-hyperlegible-next-latin-400-normal') }, 'en', 'atkinson')).toBe(true);
		// The older .woff copy, another subset, another weight, another font: not preloaded.
		expect(preloads({ type: 'font', path: built('atkinson-hyperlegible-next-latin-400-normal').replace('woff2', 'woff') }, 'en', 'atkinson')).toBe(false);
		expect(preloads({ type: 'font', path: built('atkinson-hyperlegible-next-latin-ext-400-normal') }, 'en', 'atkinson')).toBe(false);
		expect(preloads({ type: 'font', path: built('atkinson-hyperlegible-next-latin-400-italic') }, 'en', 'atkinson')).toBe(false);
		expect(preloads({ type: 'font', path: built('opendyslexic-latin-400-normal') }, 'en', 'atkinson')).toBe(false);
		expect(preloads({ type: 'font', path: built('noto-sans-arabic-arabic-400-normal') }, 'en', 'atkinson')).toBe(false);
		expect(preloads({ type: 'asset', path: '/favicon.svg' }, 'en', 'atkinson')).toBe(false);
	});
});
