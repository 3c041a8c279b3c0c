// Two sessions of one mentor with one tool waiting to be verified: a screen reader user must be
// able to tell their "Verify" buttons apart, so each accessible name says which request and when.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { createI18n } from '$lib/i18n/i18n';
import en from '$lib/i18n/locales/en.json';
import WithI18n from '$lib/components/help/testing/WithI18n.svelte';
import OverviewPage from './+page.svelte';

const row = (n: number, subject: string, created: string) => ({
	id: `d0000000-0000-4000-8000-00000000010${n}`,
	status: 'done',
	subject,
	created_at: created,
	tool: { id: 'c0000000-0000-4000-8000-000000000001', name: 'Flip', icon: 'video' },
	teacher: 'Marcus Bell',
	claimed_by: 'Omar K.',
	mentor: 'Omar K.',
	log_id: `f0000000-0000-4000-8000-00000000010${n}`,
	minutes: 30
});

describe('the coordinator’s verify buttons', () => {
	it('have a different accessible name for each session of the same mentor and tool', () => {
		const i18n = createI18n('en', en, en);
		const translator = { t: i18n.t.bind(i18n) as never, locale: 'en' };
		const data = {
			me: { school: { time_zone: 'America/New_York' } },
			view: 'unverified',
			page: 1,
			targets: { claim: 2, resolve: 7 },
			has_more: false,
			requests: [row(1, 'Record a read-aloud', '2026-11-20T15:00:00Z'), row(2, 'Record a read-aloud', '2026-11-24T15:00:00Z'), row(3, 'Share videos with parents', '2026-11-24T15:00:00Z')]
		};
		const { body } = render(WithI18n, { props: { translator, component: OverviewPage, props: { data, form: null } } });
		const names = [...body.matchAll(/<button type="submit" aria-label="([^"]*)"/g)].map((m) => m[1]);
		expect(names).toHaveLength(3);
		expect(new Set(names).size).toBe(3);
		expect(names.every((n) => n.startsWith('Check the hours of Omar K. for Flip'))).toBe(true);
	});
});
