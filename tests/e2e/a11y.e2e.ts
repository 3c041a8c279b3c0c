import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO, expectNoAxeViolations, signInAsDemo } from './helpers';
import { CHECKED_ELSEWHERE, ROUTES, type Visitor } from './routes';

function routeIds(dir: string, id = ''): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.isDirectory()) return routeIds(path.join(dir, entry.name), `${id}/${entry.name}`);
		return entry.name === '+page.svelte' || entry.name === '+page.server.ts' ? [id || '/'] : [];
	});
}

test('the route list covers every page in src/routes', () => {
	const inApp = [...new Set(routeIds('src/routes'))].sort();
	const listed = [...ROUTES.map((r) => r.id), ...CHECKED_ELSEWHERE].sort();
	expect(listed).toEqual(inApp);
});

test('/demo offers one button per demo account, at least one per role, inside main', async ({ page }) => {
	await page.goto('/demo');
	const buttons = page.getByRole('main').getByRole('button');
	expect(await buttons.count()).toBeGreaterThanOrEqual(20);
	for (const role of ['Coordinator', 'Teacher', 'Researcher', 'Student tech mentor']) {
		await expect(page.getByRole('main').getByRole('button', { name: new RegExp(role) }).first()).toBeVisible();
	}
	await expect(buttons.filter({ hasText: DEMO.coordinator })).toHaveText(/^Dana Whitfield \((Coordinator, Teacher|Teacher, Coordinator)\)$/);
});

test('navigation depends on the role: a teacher has no People page and is refused it', async ({ page }) => {
	await signInAsDemo(page, DEMO.teacher);
	await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' })).toHaveCount(0);
	const response = await page.goto('/people');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('main')).toContainText('You are not allowed to see this page.');
});

test('error pages say nothing about internals', async ({ page }) => {
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('main')).toContainText('We could not find that page.');
	await signInAsDemo(page, DEMO.coordinator);
	expect((await page.goto('/people/00000000-0000-4000-8000-000000000999'))?.status()).toBe(404);
	const html = await page.content();
	expect(html).not.toMatch(/at \w+ \(|node_modules|stack|SQLSTATE|postgres/i);
});

/** 1.4.10: nothing wider than a 320 px screen. */
async function expectReflow(page: Page) {
	await page.setViewportSize({ width: 320, height: 640 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `reflow on ${page.url()}`).toBeLessThanOrEqual(320);
	await page.setViewportSize({ width: 1366, height: 768 });
}

/** 1.4.12: with the WCAG text-spacing overrides, no text is clipped and nothing overflows. */
async function expectTextSpacing(page: Page) {
	const style = await page.addStyleTag({
		content:
			'* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }'
	});
	const clipped = await page.evaluate(() =>
		[...document.querySelectorAll('body *')]
			// Clipped on purpose for screen readers only: ours, and SvelteKit's route announcer
			// (present once the page has reloaded its data without a full load, as live updates do).
			.filter((e) => !e.closest('.visually-hidden, #svelte-announcer') && (e as HTMLElement).offsetParent !== null)
			.filter((e) => {
				const s = getComputedStyle(e);
				const clips = /(hidden|clip)/.test(s.overflowX + s.overflowY);
				return clips && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
			})
			.map((e) => e.tagName + '.' + e.className)
	);
	expect(clipped, `clipped with text spacing on ${page.url()}`).toEqual([]);
	const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(width).toBeLessThanOrEqual(0);
	await style.evaluate((node) => (node as HTMLElement).remove());
}

/** 2.4.7 / 2.4.11: tabbing shows a focus ring and the focused element is never covered. */
async function expectFocusVisible(page: Page) {
	for (let i = 0; i < 12; i++) {
		await page.keyboard.press('Tab');
		const state = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return null;
			const r = el.getBoundingClientRect();
			const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
			const s = getComputedStyle(el);
			return {
				what: el.outerHTML.slice(0, 80),
				onTop: !hit || el === hit || el.contains(hit) || hit.contains(el) || (el.id && hit.closest(`label[for="${el.id}"]`) !== null),
				ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
			};
		});
		if (!state) break;
		expect(state.onTop, `focused element covered: ${state.what}`).toBe(true);
		expect(state.ring, `no visible focus: ${state.what}`).toBe(true);
	}
}

const people: Visitor[] = ['visitor', DEMO.coordinator, DEMO.teacher, DEMO.researcher, DEMO.mentor];

for (const lang of ['en', 'es', 'ar']) {
	for (const mode of ['default', 'dyslexia'] as const) {
		for (const who of people) {
			test(`${who}, ${lang}, ${mode}: every reachable page passes axe, reflows at 320 px and takes text spacing`, async ({ page }) => {
				test.setTimeout(120_000);
				if (who === 'visitor') await page.goto(`/login?lang=${lang}`);
				else await signInAsDemo(page, who, lang);
				// Set the mode explicitly: preferences are saved with the account and follow it.
				await page.goto('/reading');
				if (mode === 'dyslexia') {
					await page.locator('form[action="?/dyslexia"] button[type="submit"]').first().click();
					await expect(page.locator('html')).toHaveAttribute('data-tint', 'cream');
				} else {
					await page.locator('button[formaction="?/reset"]').click();
					await expect(page.locator('html')).toHaveAttribute('data-tint', 'white');
				}
				for (const route of ROUTES.filter((r) => r.who.includes(who))) {
					const response = await page.goto(route.path);
					expect(response?.status(), route.path).toBe(200);
					await expect(page.locator('html')).toHaveAttribute('lang', lang);
					await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
					await expectNoAxeViolations(page);
					await expectReflow(page);
					await expectTextSpacing(page);
					if (mode === 'default' && lang !== 'es') await expectFocusVisible(page);
				}
			});
		}
	}
}
