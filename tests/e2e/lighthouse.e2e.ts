import { expect, test, type Page } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium as chromiumOptions } from '../../playwright.config';
import { watchOtherCpu, waitForQuietCpu } from './cpu-share';
import { DEMO, signInAsDemo } from './helpers';

// Lighthouse's mobile preset (its default): a mid-range phone on a slow 4G network, close to a
// school Chromebook on a busy school network. Its throttling is simulated from what this machine
// really did, so a test running beside it would count as the page's own work: this file runs
// alone, after every other browser test (the `lighthouse` project in playwright.config.ts).
// To run it by itself: npx playwright test --project=lighthouse --no-deps

const READER = '/walkthroughs/e0000000-0000-4000-8000-000000000001';
// Each person's first pages: their home, the library and a guide; the mentor's queue; the
// request form for the two people who ask for help (the coordinator is also a teacher).
const PAGES: Record<string, string[]> = {
	[DEMO.teacher]: ['/home', '/walkthroughs', READER, '/help/new'],
	[DEMO.mentor]: ['/home', '/queue', '/walkthroughs', READER],
	[DEMO.coordinator]: ['/home', '/walkthroughs', READER, '/help/new'],
	[DEMO.researcher]: ['/home', '/walkthroughs', READER]
};
// A run is disturbed when other programs took more than this share of one CPU while it lasted.
const DISTURBED = 0.1;

let chrome: chromeLauncher.LaunchedChrome;
test.beforeAll(async () => {
	chrome = await chromeLauncher.launch({
		chromePath: chromiumOptions.executablePath,
		chromeFlags: ['--headless=new', ...chromiumOptions.args]
	});
});
test.afterAll(() => chrome?.kill());

async function sessionCookie(page: Page, name: string): Promise<string> {
	await signInAsDemo(page, name);
	const session = (await page.context().cookies()).find((c) => c.name === 'tp_session')!;
	return `tp_session=${session.value}`;
}

type Run = {
	performance: number;
	accessibility: number;
	cls: number;
	failing: string[];
	finalUrl: string;
	summary: string;
	disturbed: boolean;
};

async function audit(url: string, cookie: string, categories: string[]): Promise<Run> {
	const others = watchOtherCpu();
	const result = await lighthouse(url, {
		port: chrome.port,
		onlyCategories: categories,
		output: 'json',
		logLevel: 'error',
		extraHeaders: cookie ? { Cookie: cookie } : undefined
	});
	const otherCpu = others();
	const lhr = result!.lhr;
	const ms = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
	const cls = lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN;
	const score = (id: string) => lhr.categories[id]?.score ?? NaN;
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		cls,
		failing: Object.values(lhr.audits)
			.filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary' && lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id))
			.map((a) => a.id),
		finalUrl: lhr.finalDisplayedUrl,
		disturbed: otherCpu !== null && otherCpu > DISTURBED,
		summary:
			`performance ${Math.round(score('performance') * 100)}, accessibility ${Math.round(score('accessibility') * 100)}, ` +
			`CLS ${cls.toFixed(3)}, FCP ${ms('first-contentful-paint')} ms, LCP ${ms('largest-contentful-paint')} ms, ` +
			`TBT ${ms('total-blocking-time')} ms, SI ${ms('speed-index')} ms; ` +
			`CPU benchmark ${lhr.environment.benchmarkIndex}, other programs ${otherCpu === null ? 'unknown' : `${Math.round(otherCpu * 100)}% of a CPU`}`
	};
}

const fast = (run: Run) => run.performance >= 0.95 && run.cls < 0.1;

for (const [name, paths] of Object.entries(PAGES)) {
	test(`Lighthouse (mobile): ${name}'s pages score 95+ for performance, 100 for accessibility, layout shift under 0.1`, async ({ page, baseURL }) => {
		test.setTimeout(paths.length * 150_000);
		const cookie = await sessionCookie(page, name);
		for (const path of paths) {
			let run = await audit(`${baseURL}${path}`, cookie, ['performance', 'accessibility']);
			console.log(`${name} ${path}: ${run.summary}`);
			// One Lighthouse run varies by a few points (its speed index moves with the machine's
			// timing). When the first run falls short, two more are made and the median one is judged,
			// as Lighthouse's own guidance on variability advises: a page that is really slow fails
			// two runs out of three, a page that met a noisy moment does not.
			if (!fast(run)) {
				const runs = [run];
				for (const attempt of [2, 3]) {
					if (run.disturbed) await waitForQuietCpu(DISTURBED);
					const again = await audit(`${baseURL}${path}`, cookie, ['performance', 'accessibility']);
					console.log(`${name} ${path} (run ${attempt} of 3): ${again.summary}`);
					runs.push(again);
				}
				run = runs.sort((a, b) => a.performance - b.performance)[1];
				console.log(`${name} ${path}: judged on the median run: ${run.summary}`);
			}
			test.info().annotations.push({ type: 'lighthouse', description: `${name} ${path}: ${run.summary}` });
			// Soft: every page is measured and logged even after one falls short.
			expect.soft(run.finalUrl, `${path} opened signed in`).toContain(path);
			expect.soft(run.failing, `${path}: accessibility audits`).toEqual([]);
			expect.soft(run.accessibility, `${path}: accessibility`).toBe(1);
			expect.soft(run.cls, `${path}: layout shift`).toBeLessThan(0.1);
			expect.soft(run.performance, `${path}: performance`).toBeGreaterThanOrEqual(0.95);
		}
	});
}

test('Lighthouse scores accessibility 100 on the sign-in and demo pages', async ({ baseURL }) => {
	test.setTimeout(120_000);
	for (const path of ['/login', '/demo']) {
		const run = await audit(`${baseURL}${path}`, '', ['accessibility']);
		expect(run.finalUrl, path).toContain(path);
		expect(run.failing, path).toEqual([]);
		expect(run.accessibility, path).toBe(1);
	}
});
