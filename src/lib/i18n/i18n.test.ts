import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';
import { fromAcceptLanguage } from './locales';
import ar from './locales/ar.json';
import en from './locales/en.json';

describe('createI18n', () => {
	it('gives Arabic the right plural form for 0, 1, 2, 3, 11 and 100', () => {
		const i18n = createI18n('ar', ar, en);
		const counts = [0, 1, 2, 3, 11, 100];
		const forms = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

		// roster.imported has six really different Arabic forms, and each count picks its own.
		const templates = forms.map((f) => ar.roster[`imported_${f}`]);
		expect(new Set(templates).size).toBe(6);
		const shown = counts.map((count) => i18n.t('roster.imported', { count }));
		expect(shown).toEqual(templates.map((s, i) => s.replace('{{count}}', String(counts[i]))));
		expect(new Set(shown).size).toBe(6);
		expect(i18n.t('roster.imported', { count: 2 })).toBe('تم إنشاء حسابين للطلاب.');
		expect(i18n.t('roster.imported', { count: 11 })).toBe('تم إنشاء 11 حسابًا للطلاب.');

		// Labels without {{count}} follow the same rules (2 is dual, 11 takes the accusative singular).
		expect(counts.map((count) => i18n.t('home.students', { count }))).toEqual(
			forms.map((f) => ar.home[`students_${f}`])
		);
		expect(i18n.t('home.students', { count: 2 })).toBe('طالبان مرشدان');
		expect(i18n.t('home.students', { count: 3 })).toBe('طلاب مرشدين');
		expect(i18n.t('home.students', { count: 11 })).toBe('طالبًا مرشدًا');
	});

	it('falls back to English for a key the locale lacks', () => {
		const i18n = createI18n('es', { nav: { home: 'Inicio' } }, en);
		expect(i18n.t('nav.home')).toBe('Inicio');
		expect(i18n.t('nav.people')).toBe('People');
		expect(i18n.t('home.greeting', { name: 'Ana' })).toBe('Hello, Ana');
	});
});

describe('fromAcceptLanguage', () => {
	it('picks the best supported language', () => {
		expect(fromAcceptLanguage('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
		expect(fromAcceptLanguage('zh-CN')).toBe('zh');
	});

	it('returns null when no language is supported', () => {
		expect(fromAcceptLanguage('fr')).toBeNull();
	});
});
