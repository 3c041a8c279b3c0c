// The portfolio says how many hours still wait for the coordinator, with the right plural form in
// every language ("1 more hour is waiting", never "1 more hours are waiting").
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { createI18n } from '$lib/i18n/i18n';
import type { Locale } from '$lib/i18n/locales';
import type { Portfolio as PortfolioData } from '$lib/server/api/help-views';
import en from '$lib/i18n/locales/en.json';
import es from '$lib/i18n/locales/es.json';
import ar from '$lib/i18n/locales/ar.json';
import Portfolio from '../help/Portfolio.svelte';
import WithI18n from './testing/WithI18n.svelte';

function portfolio(pendingMinutes: number): PortfolioData {
	return {
		me: undefined as unknown as PortfolioData['me'],
		mentor: { user_id: '20000000-0000-4000-8000-000000000015', display_name: 'Sofía R.' },
		verified_minutes: 0,
		pending_minutes: pendingMinutes,
		sessions: 0,
		teachers_helped: 0,
		tools_taught: [],
		average_rating: null,
		thanks: [],
		sessions_list: []
	};
}

function page(locale: Locale, messages: Record<string, unknown>, pendingMinutes: number): string {
	const i18n = createI18n(locale, messages, en);
	const translator = { t: i18n.t.bind(i18n) as never, locale };
	const { body } = render(WithI18n, { props: { translator, component: Portfolio, props: { portfolio: portfolio(pendingMinutes), timeZone: 'UTC' } } });
	return body.replace(/<!--[^>]*-->/g, '');
}

describe('the portfolio’s waiting hours', () => {
	it('says "1 more hour is waiting" in English, and the plural for 2 and 1.5', () => {
		expect(page('en', en, 60)).toContain('1 more hour is waiting for the coordinator to check it.');
		expect(page('en', en, 120)).toContain('2 more hours are waiting for the coordinator to check them.');
		expect(page('en', en, 90)).toContain('1.5 more hours are waiting');
		expect(page('en', en, 660)).toContain('11 more hours are waiting');
	});

	it('uses each language’s own form', () => {
		expect(page('es', es, 60)).toContain('compruebe 1 hora más');
		expect(page('es', es, 180)).toContain('compruebe 3 horas más');
		expect(page('ar', ar, 120)).toContain('ساعتان أخريان بانتظار أن يتحقق منهما المنسق');
	});
});
