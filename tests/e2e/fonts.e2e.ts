import { expect, test } from '@playwright/test';
import { DEMO, signInAsDemo } from './helpers';

// On a slow school network the reading font can arrive after the page is drawn. The page must
// not jump when it does: until then the text is drawn with a local stand-in of the same size
// (app.css). Chrome's own layout-shift entries measure the jump, as Lighthouse's CLS does.

const READER = '/walkthroughs/e0000000-0000-4000-8000-000000000001';

// English and Arabic read in Atkinson Hyperlegible Next (Arabic letters in Noto Sans Arabic),
// Vietnamese in Lexend.
for (const lang of ['en', 'ar', 'vi']) {
	test(`the page does not jump when the reading font arrives late (${lang}, 320 and 1366 px)`, async ({ browser }) => {
		test.setTimeout(120_000);
		// No service worker: it would hand the fonts over from its cache, past the hold below.
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await signInAsDemo(page, DEMO.mentor, lang);
		await page.addInitScript(() => {
			const w = window as unknown as { shift: number };
			w.shift = 0;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries() as PerformanceEntry[] & { value: number; hadRecentInput: boolean }[]) {
					if (!e.hadRecentInput) w.shift += e.value;
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		for (const width of [320, 1366]) {
			await page.setViewportSize({ width, height: 800 });
			for (const path of ['/home', '/queue', READER]) {
				// Hold every font file back until the page has been drawn without it.
				let release!: () => void;
				const released = new Promise<void>((r) => (release = r));
				const held: string[] = [];
				await page.route(/\.woff2$/, async (route) => {
					held.push(route.request().url());
					await released;
					await route.continue();
				});
				await page.goto(path, { waitUntil: 'domcontentloaded' });
				await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
				const drawnWithout = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded' && !f.family.endsWith('fallback')).length);
				release();
				await page.evaluate(async () => {
					await document.fonts.ready;
					await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
				});
				const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
				await page.unroute(/\.woff2$/);
				// The test means something only if the fonts really were late.
				expect(held.length, `${lang} ${width}px ${path}: fonts held back`).toBeGreaterThan(0);
				expect(drawnWithout, `${lang} ${width}px ${path}: drawn before the fonts came`).toBe(0);
				expect(shift, `${lang} ${width}px ${path}: layout shift when the font arrived`).toBeLessThan(0.1);
			}
		}
		await context.close();
	});
}
