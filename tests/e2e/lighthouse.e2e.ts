import { expect, test } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium as chromiumOptions } from '../../playwright.config';
import { DEMO, signInAsDemo } from './helpers';

// Lighthouse's mobile preset (its default), accessibility category only.
test('Lighthouse scores accessibility 100 on the sign-in, demo and home pages', async ({ page, baseURL }) => {
	test.setTimeout(180_000);
	await signInAsDemo(page, DEMO.teacher);
	const session = (await page.context().cookies()).find((c) => c.name === 'tp_session')!;
	const chrome = await chromeLauncher.launch({
		chromePath: chromiumOptions.executablePath,
		chromeFlags: ['--headless=new', ...chromiumOptions.args]
	});
	try {
		const pages = [
			{ path: '/login', cookie: '' },
			{ path: '/demo', cookie: '' },
			{ path: '/home', cookie: `tp_session=${session.value}` }
		];
		for (const { path, cookie } of pages) {
			const result = await lighthouse(`${baseURL}${path}`, {
				port: chrome.port,
				onlyCategories: ['accessibility'],
				output: 'json',
				logLevel: 'error',
				extraHeaders: cookie ? { Cookie: cookie } : undefined
			});
			const lhr = result!.lhr;
			expect(lhr.finalDisplayedUrl, path).toContain(path);
			const failing = Object.values(lhr.audits)
				.filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
				.map((a) => a.id);
			expect(failing, path).toEqual([]);
			expect(lhr.categories.accessibility.score, path).toBe(1);
		}
	} finally {
		chrome.kill();
	}
});
