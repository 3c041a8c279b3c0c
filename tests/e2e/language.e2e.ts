import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { signInAsDemo } from './helpers';

test('the language switcher keeps you on the page, names each language in itself, and Arabic is right-to-left', async ({ page }) => {
	// Someone no other test signs in as: the language they pick is saved with their account.
	await signInAsDemo(page, 'Sarah Goldberg');
	await page.goto('/account');
	await page.locator('.language-switcher summary').click();
	const switcher = page.locator('.language-switcher');
	for (const name of ['English', 'Español', 'العربية', 'Tiếng Việt', '中文（简体）']) {
		await expect(switcher.getByRole('link', { name, exact: true })).toBeVisible();
	}
	await expect(switcher.getByRole('link', { name: 'العربية' })).toHaveAttribute('lang', 'ar');
	await switcher.getByRole('link', { name: 'العربية' }).click();
	await expect(page).toHaveURL(/\/account\?lang=ar$/);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	// Mirrored layout from logical properties: the main navigation starts at the right edge.
	const nav = await page.getByRole('navigation').first().getByRole('link').first().boundingBox();
	expect(nav!.x).toBeGreaterThan(page.viewportSize()!.width / 2);
	// The choice sticks without ?lang on the next page.
	await page.goto('/home');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
});

test('a signed-in person’s language follows them to a new Chromebook', async ({ browser }) => {
	const first = await browser.newContext({ locale: 'en-US' });
	const page = await first.newPage();
	await page.goto('/login');
	const form = page.locator('form[action="?/student"]');
	await form.getByLabel('School code').fill('lakeside');
	await form.getByLabel('Username').fill('linh.t');
	await form.getByLabel('Password').fill('playground-demo');
	await form.getByRole('button').click();
	await page.goto('/home?lang=vi');
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await first.close();

	// A shared Chromebook set to English, no cookies: after signing in, Vietnamese again.
	const second = await browser.newContext({ locale: 'en-US' });
	const fresh = await second.newPage();
	await fresh.goto('/login');
	await expect(fresh.locator('html')).toHaveAttribute('lang', 'en');
	const again = fresh.locator('form[action="?/student"]');
	await again.getByLabel('School code').fill('lakeside');
	await again.getByLabel('Username').fill('linh.t');
	await again.getByLabel('Password').fill('playground-demo');
	await again.getByRole('button').click();
	await expect(fresh).toHaveURL(/\/home$/);
	await expect(fresh.locator('html')).toHaveAttribute('lang', 'vi');
	await second.close();
});

test('Accept-Language picks the language for a first visit', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'es-MX' });
	const page = await context.newPage();
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iniciar sesión');
	await context.close();
});

test('a page downloads only the strings of its own language', async ({ page }) => {
	// A phrase each language file has and no other, to recognise which files reached the browser.
	const marker = (lang: string) =>
		(JSON.parse(fs.readFileSync(`src/lib/i18n/locales/${lang}.json`, 'utf8')) as { help: { ask_intro: string } }).help.ask_intro;
	const scripts: string[] = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script') scripts.push(await response.text().catch(() => ''));
	});
	await page.goto('/login?lang=vi');
	await page.waitForLoadState('networkidle');
	const shipped = (lang: string) => scripts.some((code) => code.includes(marker(lang)));
	expect(shipped('vi')).toBe(true);
	for (const other of ['en', 'es', 'ar', 'zh']) expect(shipped(other), `${other} strings on a Vietnamese page`).toBe(false);
	// Nor are they inside the HTML.
	expect(await page.content()).not.toContain(marker('vi'));
});
