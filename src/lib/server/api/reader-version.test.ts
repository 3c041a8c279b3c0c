import { describe, expect, it } from 'vitest';
import { versionFor, type PublishedText } from './reader-version';

const step = (body: string) => ({ body, callout_kind: null, callout: '', alt: '' });
const version = (title: string, ...bodies: string[]) => ({ title, outcome: `${title}: outcome`, prerequisites: '', steps: bodies.map(step) });

/** A guide written in `original`, with other versions as given. */
const guide = (original: string, versions: PublishedText['versions']): PublishedText => ({
	original_language: original,
	steps: [{ screenshot: null }, { screenshot: null }, { screenshot: null }],
	versions
});

describe('versionFor: the language the reader asked for stays the one notices name', () => {
	const englishOnly = guide('en', { en: version('Record in Flip', 'Open Flip.', 'Press record.', 'Press send.') });

	for (const asked of ['es', 'ar', 'zh', 'vi']) {
		it(`an English-only guide read in ${asked} says ${asked} is missing, and shows English words marked as English`, () => {
			const v = versionFor(englishOnly, asked);
			expect(v.requested).toBe(asked);
			expect(v.translated).toBe(false);
			expect(v.original).toBe('en');
			expect(v.language).toBe('en');
			expect(v.title).toBe('Record in Flip');
			expect(v.steps.map((s) => s.lang)).toEqual(['en', 'en', 'en']);
			expect(v.untranslatedSteps).toEqual([1, 2, 3]);
		});
	}

	it('a Spanish guide read in English says English is missing', () => {
		const v = versionFor(guide('es', { es: version('Grabar en Flip', 'Abre Flip.', 'Graba.', 'Envía.') }), 'en');
		expect([v.requested, v.original, v.language, v.translated]).toEqual(['en', 'es', 'es', false]);
	});

	it('a partly translated guide names only the missing steps, each in its own language', () => {
		const w = guide('es', {
			es: version('Grabar en Flip', 'Abre Flip.', 'Graba.', 'Envía.'),
			ar: { ...version('التسجيل في Flip', 'افتح Flip.', 'سجّل.', ''), outcome: '' }
		});
		const v = versionFor(w, 'ar');
		expect([v.requested, v.language, v.translated]).toEqual(['ar', 'ar', true]);
		expect(v.steps.map((s) => [s.lang, s.translated])).toEqual([
			['ar', true],
			['ar', true],
			['es', false]
		]);
		expect(v.steps[2].text).toBe('Envía.');
		expect(v.untranslatedSteps).toEqual([3]);
		// An empty outcome falls back to the original's, marked as Spanish.
		expect([v.outcome, v.outcomeLang]).toEqual(['Grabar en Flip: outcome', 'es']);
	});

	it('the original itself has nothing missing', () => {
		const v = versionFor(guide('en', { en: version('Canva', 'One.', 'Two.', 'Three.') }), 'en');
		expect([v.requested, v.language, v.translated, v.untranslatedSteps]).toEqual(['en', 'en', true, []]);
	});
});
