import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';

export const DEMO = {
	coordinator: 'Dana Whitfield',
	researcher: 'Dr. Priya Raman',
	teacher: 'Marcus Bell',
	teacherEs: 'Rosa Delgado',
	mentor: 'Sofía R.',
	mentorAr: 'Omar K.'
} as const;

/** Signs in with one click on /demo, as a person would. */
export async function signInAsDemo(page: Page, name: string, lang = 'en'): Promise<void> {
	await page.goto(`/demo?lang=${lang}`);
	// Right-to-left pages wrap inserted names in Unicode isolates (U+2068 ... U+2069).
	await page.getByRole('main').getByRole('button', { name: new RegExp(`^\u2068?${escape(name)}\u2069? \\(`) }).click();
	await expect(page).toHaveURL(/\/home$/);
}

export function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** WCAG 2.2 AA as axe checks it; target-size needs the wcag22aa tag. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/** A username nobody else in this run uses. */
export function uniqueName(prefix: string): string {
	return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** A language's strings, as the tests look them up to find what a person sees. */
export type Strings = Record<string, Record<string, string>>;
export const strings = (lang: string): Strings => JSON.parse(fs.readFileSync(`src/lib/i18n/locales/${lang}.json`, 'utf8'));
/** A string with its {{placeholders}} filled in, as i18next does. */
export const fill = (text: string, values: Record<string, string | number>) =>
	text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(values[k] ?? ''));

/** A signed-in person in their own browser context (their own Chromebook). */
export async function person(browser: Browser, name: string, lang: string, javaScriptEnabled = true): Promise<Page> {
	const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
	await signInAsDemo(page, name, lang);
	return page;
}

/**
 * Starts an English guide for `tool` with `title` and a first step, as an author does it on
 * /walkthroughs/new, and returns its id (the editor is then open).
 */
export async function startGuide(page: Page, guide: { tool: string; title: string; step: string }): Promise<string> {
	const en = strings('en');
	await page.goto('/walkthroughs/new');
	await page.getByLabel(en.help.tool).selectOption({ label: guide.tool });
	await page.getByLabel(en.walkthrough.start_language).selectOption('en');
	await page.getByLabel(en.walkthrough.title, { exact: true }).fill(guide.title);
	await page.getByRole('button', { name: en.walkthrough.start }).click();
	await expect(page).toHaveURL(/\/walkthroughs\/[0-9a-f-]{36}\/edit/);
	await page
		.getByRole('group', { name: fill(en.walkthrough.step_n, { n: 1 }), exact: true })
		.getByLabel(en.walkthrough.step_text)
		.fill(guide.step);
	return /walkthroughs\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
}
