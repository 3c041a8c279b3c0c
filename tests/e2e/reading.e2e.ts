import { expect, test } from '@playwright/test';
import { DEMO, signInAsDemo } from './helpers';

test('reading preferences follow the person to a new Chromebook, already in the first HTML', async ({ page, browser, request }) => {
	await signInAsDemo(page, DEMO.mentorAr);
	await page.goto('/reading');
	await page.getByRole('button', { name: 'Dyslexia-friendly, in one tap' }).click();
	await expect(page.locator('.notice')).toHaveText('Dyslexia-friendly reading is on.');
	await expect(page.locator('html')).toHaveAttribute('data-tint', 'cream');
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login/);

	// A new browser context is a shared Chromebook with no cookies of this person.
	const context = await browser.newContext();
	const fresh = await context.newPage();
	await fresh.goto('/login');
	await expect(fresh.locator('html')).toHaveAttribute('data-tint', 'white');
	const form = fresh.locator('form[action="?/student"]');
	await form.getByLabel('School code').fill('lakeside');
	await form.getByLabel('Username').fill('omar.k');
	await form.getByLabel('Password').fill('playground-demo');
	await form.getByRole('button').click();
	await expect(fresh).toHaveURL(/\/home$/);

	// The server's HTML, before any script runs, already carries the preferences.
	const cookies = await context.cookies();
	const html = await (
		await request.get('/home', { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } })
	).text();
	expect(html).toMatch(/<html lang="en" dir="ltr"[^>]*data-size="l"[^>]*data-spacing="wide"[^>]*data-tint="cream"/);
	await context.close();
});

test('the dyslexia-friendly preset meets the BDA style guide, measured in the browser', async ({ page }) => {
	await page.goto('/reading');
	await page.getByRole('button', { name: 'Dyslexia-friendly, in one tap' }).click();
	for (const path of ['/reading', '/login', '/']) {
		await page.goto(path);
		const report = await page.evaluate(() => {
			const body = getComputedStyle(document.body);
			const paragraphs = [...document.querySelectorAll('main p, main li, main label')] as HTMLElement[];
			const longest = Math.max(
				...paragraphs.map((p) => {
					// Characters per rendered line: group the text's characters by their line box.
					const text = p.firstChild?.nodeType === Node.TEXT_NODE ? (p.firstChild as Text) : null;
					if (!text || !text.data.trim()) return 0;
					const lines = new Map<number, number>();
					const range = document.createRange();
					for (let i = 0; i < text.data.length; i++) {
						range.setStart(text, i);
						range.setEnd(text, i + 1);
						const top = Math.round(range.getBoundingClientRect().top);
						lines.set(top, (lines.get(top) ?? 0) + 1);
					}
					return Math.max(...lines.values());
				})
			);
			return {
				fontSize: parseFloat(body.fontSize),
				lineHeight: parseFloat(body.lineHeight) / parseFloat(body.fontSize),
				background: getComputedStyle(document.documentElement).backgroundColor,
				justified: paragraphs.filter((p) => getComputedStyle(p).textAlign === 'justify').length,
				italic: [...document.querySelectorAll('main *')].filter((e) => getComputedStyle(e).fontStyle === 'italic').length,
				longest
			};
		});
		expect(report.fontSize, path).toBeGreaterThanOrEqual(16);
		expect(report.lineHeight, path).toBeGreaterThanOrEqual(1.5);
		expect(report.justified, path).toBe(0);
		expect(report.italic, path).toBe(0);
		expect(report.longest, path).toBeGreaterThan(20);
		expect(report.longest, path).toBeLessThanOrEqual(70);
		expect(report.background, path).not.toBe('rgb(255, 255, 255)');
	}
});

test('read aloud says so when the device has no voice for the language, instead of failing silently', async ({ page }) => {
	await page.goto('/reading?lang=es');
	const reader = page.getByRole('region', { name: 'Leer en voz alta' });
	await expect(reader.locator('[lang="es"]')).toContainText('Los mentores ayudan');
	// Headless Chromium on this machine has no speech voices at all.
	await reader.getByRole('button', { name: 'Reproducir' }).click();
	await expect(reader.getByRole('status')).toContainText('no tiene una voz en español');
});
