import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectNoAxeViolations, fill, person, signInAsDemo, strings, uniqueName } from './helpers';

// The seeded Flip guide: written in Spanish, with an English version whose step 3 is not translated.
const FLIP = '/walkthroughs/e0000000-0000-4000-8000-000000000001';

/** A language's name as the reader's interface says it; right-to-left pages isolate inserted words. */
const named = (code: string, ui: string) => {
	const name = new Intl.DisplayNames([ui], { type: 'language' }).of(code) ?? code;
	return ui === 'ar' ? `\u2068${name}\u2069` : name;
};

/** The one notice at the top, and nothing like it anywhere else on the page. */
async function expectOneNotice(page: Page, text: string) {
	const notice = page.getByRole('main').locator('.untranslated');
	await expect(notice).toHaveCount(1);
	await expect(notice).toHaveText(text);
	// It comes before step 1, and no step carries a badge of its own.
	expect(await notice.evaluate((n) => Boolean(n.compareDocumentPosition(document.querySelector('.step')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
	await expect(page.locator('.step .badge')).toHaveCount(0);
}

test('the reader names the language the reader asked for, not the original, in en, es and ar', async ({ browser }) => {
	test.setTimeout(120_000);
	const en = strings('en');

	// An English-only guide, written and published as people do it.
	const mentor = await person(browser, DEMO.mentor, 'en');
	const title = uniqueName('Share a Flip topic ');
	await mentor.goto('/walkthroughs/new');
	await mentor.getByLabel(en.help.tool).selectOption({ label: 'Flip' });
	await mentor.getByLabel(en.walkthrough.start_language).selectOption('en');
	await mentor.getByLabel(en.walkthrough.title, { exact: true }).fill(title);
	await mentor.getByRole('button', { name: en.walkthrough.start }).click();
	await expect(mentor).toHaveURL(/\/walkthroughs\/[0-9a-f-]+\/edit/);
	const id = mentor.url().match(/walkthroughs\/([0-9a-f-]{36})/)![1];
	await mentor.getByLabel(en.walkthrough.outcome).fill('You will share a topic with your class.');
	await mentor
		.getByRole('group', { name: fill(en.walkthrough.step_n, { n: 1 }), exact: true })
		.getByLabel(en.walkthrough.step_text)
		.fill('Open Flip and press Share.');
	await mentor.getByLabel(en.walkthrough.difficulty).selectOption('1');
	await mentor.getByLabel(en.walkthrough.minutes).fill('5');
	await mentor.getByRole('button', { name: en.walkthrough.submit, exact: true }).click();
	await expect(mentor.getByRole('status').first()).toHaveText(en.walkthrough.submitted);
	const coordinator = await person(browser, DEMO.coordinator, 'en');
	await coordinator.goto(`/walkthroughs/${id}/edit`);
	await coordinator.getByRole('button', { name: en.walkthrough.approve }).click();
	await expect(coordinator).toHaveURL(/published=1/);

	// Read in Spanish and in Arabic (each reader's own language): the notice names the language
	// asked for. Before the fix both said "not yet in English".
	for (const ui of ['es', 'ar']) {
		const t = strings(ui);
		const reader = await person(browser, DEMO.teacher, ui);
		await reader.goto(`/walkthroughs/${id}`);
		await expectOneNotice(reader, fill(t.walkthrough.not_in_language, { language: named(ui, ui), original: named('en', ui) }));
		await expect(reader.getByRole('heading', { level: 1 }).locator('[lang="en"]')).toHaveText(title);
		await reader.context().close();
	}

	// The Spanish Flip guide, asked for in Arabic from an English page, and in English, where only
	// step 3 is missing: named once, with the step's number.
	const reader = await person(browser, DEMO.teacher, 'en');
	await reader.goto(`${FLIP}?read=ar`);
	await expectOneNotice(reader, fill(en.walkthrough.not_in_language, { language: 'Arabic', original: 'Spanish' }));
	await reader.goto(`${FLIP}?read=en`);
	await expectOneNotice(reader, fill(en.walkthrough.steps_not_in_language_one, { steps: '3', language: 'English', original: 'Spanish' }));
	// The untranslated step is marked as Spanish; the translated ones as English.
	await expect(reader.locator('.step > .rich-text[lang="es"]')).toHaveText(/Revisa el vídeo/);
	await expect(reader.locator('.step > .rich-text[lang="en"]')).toHaveCount(2);
	await Promise.all([mentor, coordinator, reader].map((p) => p.context().close()));
});

/** How far down the page the first step's words start, in CSS pixels from the top of the page. */
const firstStepTop = (page: Page) =>
	page.locator('main .step .rich-text').first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY);

test('the guide comes first: step 1 starts in the first screen at 1366×768, and within two phone screens (320×640) in the dyslexia preset', async ({ page }) => {
	await signInAsDemo(page, DEMO.teacherEs, 'en');
	for (const ui of ['en', 'ar']) {
		await page.goto(`/reading?lang=${ui}`);
		await page.locator('button[formaction="?/reset"]').click();
		await expect(page.locator('html')).toHaveAttribute('data-tint', 'white');
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto(FLIP);
		await expect(page.locator('html')).toHaveAttribute('lang', ui);
		// The first line of step 1 is on the first screen (and below, on the second phone screen).
		expect(await firstStepTop(page), `${ui} at 1366×768`).toBeLessThanOrEqual(768 - 30);
		// The page the test measures passes axe, with its options open too, and with a language missing.
		await expectNoAxeViolations(page);
		await page.goto(`${FLIP}?read=zh`);
		await page.locator('.reading-options summary').click();
		await expectNoAxeViolations(page);

		await page.goto('/reading');
		await page.locator('form[action="?/dyslexia"] button[type="submit"]').first().click();
		await expect(page.locator('html')).toHaveAttribute('data-tint', 'cream');
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto(FLIP);
		expect(await firstStepTop(page), `${ui} at 320×640, dyslexia`).toBeLessThanOrEqual(2 * 640 - 34);
		await expectNoAxeViolations(page);
	}
	await page.goto('/reading');
	await page.locator('button[formaction="?/reset"]').click();
});

test('read aloud highlights the words on the page instead of printing the guide again', async ({ browser }) => {
	const en = strings('en');
	const context = await browser.newContext();
	// Headless Chromium has no voices: a stand-in synthesizer that records what it is asked to say.
	await context.addInitScript(() => {
		const spoken: { text: string; lang: string }[] = [];
		(window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
		const voices = ['es-ES', 'en-US'].map((lang) => ({ lang, name: lang, default: lang === 'en-US', localService: true, voiceURI: lang }));
		const synth = {
			getVoices: () => voices,
			speak: (u: { text: string; lang: string }) => spoken.push({ text: u.text, lang: u.lang }),
			cancel() {},
			addEventListener() {},
			removeEventListener() {}
		};
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		class Utterance {
			lang = '';
			rate = 1;
			voice: unknown = null;
			constructor(readonly text: string) {}
			addEventListener() {}
		}
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
	});
	const page = await context.newPage();
	await signInAsDemo(page, DEMO.teacher, 'en');
	await page.goto(`${FLIP}?read=en`);
	const main = page.getByRole('main');
	// The guide's words are on the page once: no second copy in a read-aloud box.
	await expect(main.getByText(/Revisa el vídeo/)).toHaveCount(1);
	await expect(main.getByText(/Open\s+Flip\s+and type your group code/)).toHaveCount(1);

	const controls = page.getByRole('group', { name: en.walkthrough.read_aloud });
	await controls.getByRole('button', { name: en.read_aloud.read_page }).focus();
	await page.keyboard.press('Enter');
	await expect(controls.getByRole('button', { name: en.read_aloud.pause })).toBeVisible();
	// The first sentence (the title) is read, and marked where it stands on the page.
	await expect.poll(() => page.evaluate(() => (window as unknown as { __spoken: { text: string }[] }).__spoken[0]?.text)).toBe('Record a read-aloud with Flip');
	const marked = () => page.evaluate(() => [...(CSS.highlights.get('read-aloud') ?? [])].map((r) => (r as Range).toString()).join(''));
	await expect.poll(marked).toBe('Record a read-aloud with Flip');
	expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1 [lang]')!).direction)).toBe('ltr');
	// Stop, by keyboard: the marking goes, and focus comes back to the Read aloud button.
	await controls.getByRole('button', { name: en.read_aloud.stop }).focus();
	await page.keyboard.press('Enter');
	await expect.poll(marked).toBe('');
	await expect(controls.getByRole('button', { name: en.read_aloud.read_page })).toBeFocused();
	await context.close();
});

test('without JavaScript the reader shows no read-aloud buttons, and the options still work', async ({ browser }) => {
	const en = strings('en');
	const page = await person(browser, DEMO.teacher, 'en', false);
	await page.goto(FLIP);
	await expect(page.getByRole('button', { name: en.read_aloud.read_page })).toHaveCount(0);
	await page.getByText(en.walkthrough.reading_options).click();
	await page.getByLabel(en.walkthrough.read_in).selectOption('en');
	await page.getByRole('radio', { name: en.walkthrough.view_one }).check();
	await page.getByRole('button', { name: en.walkthrough.apply, exact: true }).click();
	await expect(page).toHaveURL(/read=en/);
	await expect(page.getByText(fill(en.walkthrough.step_of, { n: 1, total: 3 }))).toBeVisible();
	await page.context().close();
});
