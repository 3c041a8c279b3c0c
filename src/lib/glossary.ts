// The glossary: one everyday word per idea, the same on every page and in every language.
// Each idea's word and its meaning are locale strings (glossary.words.<id>.word / .means), shown
// on /glossary. `avoid` lists the harder or misleading words the interface used before, per
// language; glossary.test.ts fails if any interface string uses one again.
import type { Locale } from '$lib/i18n/locales';

export interface GlossaryIdea {
	id: string;
	/** Words (matched as case-insensitive patterns) no interface string may use for this idea. */
	avoid?: Partial<Record<Locale, string[]>>;
}

export const GLOSSARY: GlossaryIdea[] = [
	{ id: 'help_request', avoid: { en: ['queue'], es: ['lista de ayuda'], vi: ['hàng chờ'] } },
	{ id: 'take', avoid: { en: ['claim'], ar: ['تولى', 'يتولى', 'تولاه', 'تول '] } },
	// Arabic أعد reads as "redo", Chinese 退回 as "reject".
	{ id: 'give_back', avoid: { en: ['unclaim'], ar: ['أعد هذا الطلب', 'أعاد'], zh: ['退回'] } },
	{ id: 'suggest', avoid: { en: ['propose', 'on offer'] } },
	{ id: 'session' },
	{
		id: 'write_down',
		avoid: { en: ['\\blogged\\b', '\\blog the\\b', 'session log'], es: ['registr'] }
	},
	{ id: 'teach', avoid: { en: ['\\bcover'] } },
	{ id: 'confirm' },
	// Vietnamese xác nhận is "confirm" only; checking hours is kiểm tra.
	{
		id: 'check',
		avoid: { en: ['verif'], es: ['verific'], zh: ['核实'], vi: ['xác nhận số giờ', 'cần xác nhận'] }
	},
	{ id: 'hours' },
	// compañero(a) is read aloud as "compañero a".
	{ id: 'partner', avoid: { es: ['compañer', '\\(a\\)', '\\w/a\\b'] } },
	{ id: 'guide', avoid: { en: ['walkthrough'] } },
	{ id: 'review' },
	{ id: 'publish' },
	{ id: 'late', avoid: { en: ['overdue'] } },
	{ id: 'mentor' },
	{ id: 'coordinator', avoid: { es: ['coordinador\\(a\\)', 'un\\(a\\)'] } },
	{ id: 'portfolio' }
];

/** Idioms a learner of English has to decode, and the strings that read as something else. */
export const AVOID_ANYWHERE: Partial<Record<Locale, string[]>> = {
	en: ['not yours to', 'on offer'],
	vi: ['không phải việc của bạn']
};

/** Strings for the adult who installs the app, where "log" means the server's log file. */
export const AVOID_EXCEPT = ['setup.code_hint', 'setup.bad_code'];
