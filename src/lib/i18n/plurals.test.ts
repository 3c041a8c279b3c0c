import { describe, expect, it } from 'vitest';
import { createI18n, type Messages } from './i18n';
import { LOCALES, type Locale } from './locales';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import vi from './locales/vi.json';
import zh from './locales/zh.json';

// Every plural family in the locale files, found from English, so a new one is covered without
// editing this test. Each is rendered at 0, 1, 2 and 11 in every language, through i18next itself.
const MESSAGES: Record<Locale, Messages> = { en, es, ar, zh, vi };
const COUNTS = [0, 1, 2, 11];
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const LANGS = LOCALES.map((l) => l.code);

const flat = (o: Messages, p = ''): [string, string][] =>
	Object.entries(o).flatMap(([k, v]) =>
		v && typeof v === 'object' ? flat(v as Messages, `${p}${k}.`) : [[`${p}${k}`, String(v)]]
	);
const strings = Object.fromEntries(
	LANGS.map((lang) => [lang, new Map(flat(MESSAGES[lang]))])
) as Record<Locale, Map<string, string>>;

const families = [
	...new Set(
		[...strings.en.keys()]
			.map((key) => key.match(/^(.*)_([a-z]+)$/))
			.filter((m): m is RegExpMatchArray => !!m && CATEGORIES.includes(m[2]))
			.map((m) => m[1])
			.filter((base) => strings.en.has(`${base}_other`))
	)
];
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]);
/** Other placeholders get a value that cannot be mistaken for a count. */
const fillers = (base: string) =>
	Object.fromEntries(
		placeholders(strings.en.get(`${base}_other`) ?? '')
			.filter((v) => v !== 'count')
			.map((v) => [v, `«${v}»`])
	);

describe('plural forms', () => {
	it('finds the families that show a number', () => {
		// A floor, not the list: the point is that new families are picked up on their own.
		expect(families.length).toBeGreaterThan(25);
		expect(families).toEqual(
			expect.arrayContaining([
				'portfolio.pending_hours',
				'walkthrough.progress',
				'walkthrough.helpful_count'
			])
		);
	});

	for (const lang of LANGS) {
		it(`renders every family at ${COUNTS.join(', ')} in ${lang}, with the form that count needs`, () => {
			const i18n = createI18n(lang, MESSAGES[lang], en);
			const rules = new Intl.PluralRules(lang);
			const number = new Intl.NumberFormat(lang);
			for (const base of families) {
				const shown = strings.en.get(`${base}_other`) ?? '';
				for (const count of COUNTS) {
					// i18next's own choice: `_zero` for exactly 0 when the family has one, else the
					// language's category for the number.
					const cat =
						count === 0 && strings[lang].has(`${base}_zero`) ? 'zero' : rules.select(count);
					const template = strings[lang].get(`${base}_${cat}`);
					const where = `${lang} ${base} at ${count}`;
					expect(template, `${where}: no ${base}_${cat}`).toBeDefined();
					const vars = fillers(base);
					const text = i18n.t(base, { count, ...vars });
					const expected = (template ?? '')
						.replace(/\{\{\s*count[^}]*\}\}/g, number.format(count))
						.replace(/\{\{\s*(\w+)[^}]*\}\}/g, (_, v: string) => vars[v] ?? `{{${v}}}`);
					expect(text, where).toBe(expected);
					expect(text, `${where}: a placeholder is left over`).not.toMatch(/\{\{|\}\}/);
					for (const v of Object.values(vars))
						expect(text, `${where}: ${v} is missing`).toContain(v);
					// A sentence that shows a number says it, unless its form means one number only
					// (the zero wording, or Arabic's "one" and "two" said in words).
					const onlyThisNumber =
						cat === 'zero' ||
						(cat !== 'other' &&
							COUNTS.concat(3, 100).filter((n) => rules.select(n) === cat).length === 1);
					if (/\{\{\s*count/.test(shown) && !onlyThisNumber)
						expect(text, `${where}: the number is not shown`).toContain(number.format(count));
				}
			}
		});
	}

	it('says "1 hour" and "2 hours", and has a zero wording where 0 would read badly', () => {
		const i18n = createI18n('en', en, en);
		expect(i18n.t('portfolio.pending_hours', { count: 1 })).toBe(
			'1 more hour is waiting for the coordinator to check it.'
		);
		expect(i18n.t('portfolio.pending_hours', { count: 1.5 })).toBe(
			'1.5 more hours are waiting for the coordinator to check them.'
		);
		expect(i18n.t('walkthrough.progress', { done: 1, count: 1 })).toBe('1 of 1 step');
		expect(i18n.t('walkthrough.helpful_count', { count: 0 })).not.toMatch(/\b0\b/);
		expect(i18n.t('notifications.unread', { count: 0 })).toBe('You have no new notifications.');
		const es_ = createI18n('es', es, en);
		expect(es_.t('portfolio.pending_hours', { count: 1 })).toBe(
			'Falta que la coordinación compruebe 1 hora más.'
		);
		expect(es_.t('portfolio.pending_hours', { count: 2.5 })).toContain('2,5 horas');
	});
});
