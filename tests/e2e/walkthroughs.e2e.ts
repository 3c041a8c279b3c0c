import { expect, test, type Page } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { DEMO, fill, person, signInAsDemo, strings, uniqueName, type Strings } from './helpers';
import { XSS_MARKER, XSS_PAYLOADS } from '../fixtures/xss-payloads';

/** A screenshot-like PNG with an email address printed where the mentor will put a blur box. */
async function screenshotFile(): Promise<string> {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1366" height="768">
		<rect width="1366" height="768" fill="#f4f6fb"/><rect width="1366" height="64" fill="#2b59c3"/>
		<text x="24" y="42" font-size="28" fill="#fff" font-family="sans-serif">Flip</text>
		<rect x="560" y="330" width="250" height="90" rx="12" fill="#1f9d55"/>
		<text x="600" y="385" font-size="30" fill="#fff" font-family="sans-serif">Grabar</text>
		<text x="470" y="330" font-size="26" fill="#222" font-family="sans-serif">marcus.bell@lakeside.example.org</text>
	</svg>`;
	const file = path.join(os.tmpdir(), `${uniqueName('shot')}.png`);
	await sharp(Buffer.from(svg)).png().toFile(file);
	return file;
}

/** Fills one step of the open editor (1-based). */
async function fillStep(page: Page, t: Strings, n: number, text: string, alt?: string) {
	const step = page.getByRole('group', { name: fill(t.walkthrough.step_n, { n }), exact: true });
	await step.getByLabel(t.walkthrough.step_text).fill(text);
	if (alt !== undefined) await step.getByLabel(t.walkthrough.alt).fill(alt);
	return step;
}

test('a mentor writes a Spanish walkthrough with a redacted screenshot, adds English, the coordinator approves, a teacher reads both side by side', async ({ browser }) => {
	test.setTimeout(180_000);
	const es = strings('es');
	const en = strings('en');
	const title = uniqueName('Grabar en Flip ');

	// 1. The mentor writes three steps in Spanish, one with a screenshot whose email is blurred.
	const mentor = await person(browser, DEMO.mentor, 'es');
	await mentor.goto('/walkthroughs/new');
	await mentor.getByLabel(es.help.tool).selectOption({ label: 'Flip' });
	await mentor.getByLabel(es.walkthrough.start_language).selectOption('es');
	await mentor.getByLabel(es.walkthrough.title, { exact: true }).fill(title);
	await mentor.getByRole('button', { name: es.walkthrough.start }).click();
	await expect(mentor).toHaveURL(/\/walkthroughs\/[0-9a-f-]+\/edit/);
	const editUrl = mentor.url().split('?')[0];
	await mentor.getByLabel(es.walkthrough.outcome).fill('Podrás grabar un vídeo y enviarlo a tu clase.');
	await fillStep(mentor, es, 1, 'Abre **Flip** y elige tu grupo.');
	await mentor.getByRole('button', { name: es.walkthrough.add_step }).click();
	await mentor.getByRole('button', { name: es.walkthrough.add_step }).click();
	const second = await fillStep(mentor, es, 2, 'Pulsa el botón verde para grabar.');
	await second.getByLabel(es.walkthrough.callout_kind).selectOption('tip');
	await second.getByLabel(es.walkthrough.callout_text).fill('Habla despacio y claro.');
	await second.getByLabel(es.walkthrough.add_screenshot).setInputFiles(await screenshotFile());
	await second.getByRole('button', { name: es.walkthrough.redact_add }).click();
	await expect(second.getByRole('status')).toHaveText(fill(es.walkthrough.redact_count_one, { count: 1 }));
	await fillStep(mentor, es, 3, 'Revisa el vídeo y pulsa **Enviar**.');
	await mentor.getByRole('button', { name: es.walkthrough.save, exact: true }).click();
	await expect(mentor.getByRole('status').first()).toHaveText(es.walkthrough.saved);
	const shot = mentor.getByRole('group', { name: fill(es.walkthrough.step_n, { n: 2 }), exact: true }).locator('img.shot');
	await expect(shot).toBeVisible();

	// Sending it without describing the screenshot is refused, and the message names the step.
	await mentor.getByRole('button', { name: es.walkthrough.submit, exact: true }).click();
	await expect(mentor.getByRole('alert')).toContainText(fill(es.walkthrough.missing_alt, { step: 2, language: 'es' }));
	await fillStep(mentor, es, 2, 'Pulsa el botón verde para grabar.', 'El botón verde «Grabar» en el centro de la pantalla de Flip');
	// Difficulty and time have no default: the author chooses them before sending it.
	await mentor.getByLabel(es.walkthrough.difficulty).selectOption('2');
	await mentor.getByLabel(es.walkthrough.minutes).fill('10');
	await mentor.getByRole('button', { name: es.walkthrough.save, exact: true }).click();
	await expect(mentor.getByRole('status').first()).toHaveText(es.walkthrough.saved);

	// 2. The English version, then send it for review.
	await mentor.goto(`${editUrl}?version=en`);
	await mentor.getByLabel(es.walkthrough.title, { exact: true }).fill(`Record in Flip ${title}`);
	await fillStep(mentor, es, 1, 'Open **Flip** and choose your group.');
	await fillStep(mentor, es, 2, 'Press the green button to record.', 'The green Record button in the middle of the Flip screen');
	await fillStep(mentor, es, 3, 'Check the video and press **Send**.');
	await mentor.getByRole('button', { name: es.walkthrough.save, exact: true }).click();
	await expect(mentor.getByRole('link', { name: new RegExp(fill(es.walkthrough.progress_other, { done: 3, count: 3 })) })).toHaveCount(2);
	await mentor.getByRole('button', { name: es.walkthrough.submit, exact: true }).click();
	await expect(mentor.getByRole('status').first()).toHaveText(es.walkthrough.submitted);

	// 3. The coordinator approves it.
	const coordinator = await person(browser, DEMO.coordinator, 'en');
	await coordinator.goto('/walkthroughs');
	await coordinator.getByRole('region', { name: en.walkthrough.to_review }).getByRole('link', { name: title }).click();
	// The reviewer reads the draft itself, screenshot included, before deciding.
	await expect(coordinator.getByText('Pulsa el botón verde para grabar.')).toBeVisible();
	await expect(coordinator.getByRole('img', { name: /Grabar/ })).toBeVisible();
	await coordinator.getByRole('button', { name: en.walkthrough.approve }).click();
	await expect(coordinator).toHaveURL(/\/walkthroughs\/[0-9a-f-]+\?published=1$/);

	// 4. A teacher reads it side by side in Spanish and English, in the dyslexia-friendly preset.
	const teacherContext = await browser.newContext();
	// Headless Chromium has no voices: give it one per language and record what it is asked to say.
	await teacherContext.addInitScript(() => {
		const spoken: string[] = [];
		(window as unknown as { __spoken: string[] }).__spoken = spoken;
		const voices = ['es-ES', 'en-US'].map((lang) => ({ lang, name: lang, default: lang === 'en-US', localService: true, voiceURI: lang }));
		const synth = {
			speaking: false,
			paused: false,
			pending: false,
			getVoices: () => voices,
			speak(u: { text: string }) {
				spoken.push(u.text);
				this.speaking = true;
			},
			cancel() {
				this.speaking = false;
			},
			pause() {},
			resume() {},
			addEventListener() {},
			removeEventListener() {}
		};
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		// Chromium's own utterance accepts only its own voices, so the stand-in voices need a stand-in utterance.
		class Utterance {
			lang = '';
			rate = 1;
			voice: unknown = null;
			constructor(readonly text: string) {}
			addEventListener() {}
			removeEventListener() {}
		}
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
	});
	const teacher = await teacherContext.newPage();
	await signInAsDemo(teacher, DEMO.teacher, 'en');
	await teacher.goto('/reading');
	await teacher.getByRole('button', { name: en.reading.dyslexia_preset }).click();
	await teacher.goto('/walkthroughs?q=flip');
	await teacher.getByRole('link', { name: `Record in Flip ${title}` }).click();
	await teacher.getByText(en.walkthrough.reading_options).click();
	await teacher.getByLabel(en.walkthrough.read_in).selectOption('es');
	await teacher.getByLabel(en.walkthrough.side_by_side).selectOption('en');
	await teacher.getByRole('button', { name: en.walkthrough.apply, exact: true }).click();
	await expect(teacher.locator('html')).toHaveAttribute('data-spacing', 'wide');
	const spanish = teacher.getByRole('region', { name: 'Spanish', exact: true });
	const english = teacher.getByRole('region', { name: 'English', exact: true });
	await expect(spanish.locator('[lang="es"]').filter({ hasText: 'Pulsa el botón verde' })).toBeVisible();
	await expect(english.locator('[lang="en"]').filter({ hasText: 'Press the green button' })).toBeVisible();
	await expect(spanish.getByRole('img', { name: /Grabar/ })).toBeVisible();

	// 5. Read-aloud, "helpful", and the print view.
	await teacher.getByRole('group', { name: en.walkthrough.read_aloud }).getByRole('button').first().click();
	await expect.poll(() => teacher.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.join(' '))).toContain(title);
	await expect(teacher.getByRole('group', { name: en.walkthrough.read_aloud }).getByRole('button', { name: en.read_aloud.pause })).toBeVisible();
	await teacher.getByRole('button', { name: en.walkthrough.yes, exact: true }).click();
	await expect(teacher.getByText(fill(en.walkthrough.helpful_count_one, { count: 1 }))).toBeVisible();
	await teacher.getByRole('link', { name: en.walkthrough.print }).click();
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(teacher.getByRole('img', { name: /Grabar/ })).toBeVisible();
	await teacher.emulateMedia({ media: 'print' });
	await expect(teacher.locator('.site-header')).toBeHidden();
	await expect(teacher.getByRole('button', { name: en.walkthrough.print_now })).toBeHidden();
});

test('a walkthrough someone has opened stays readable with the network off, and says it is the saved copy', async ({ browser }) => {
	const en = strings('en');
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInAsDemo(page, DEMO.teacher, 'en');
	const address = '/walkthroughs/e0000000-0000-4000-8000-000000000001?read=en';
	await page.goto(address);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record a read-aloud with Flip');
	// The service worker keeps the page once it is running.
	await expect
		.poll(() => page.evaluate(async (url) => Boolean(await caches.match(url)), new URL(address, page.url()).href), { timeout: 20_000 })
		.toBe(true);
	await context.setOffline(true);
	await page.goto(address);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record a read-aloud with Flip');
	await expect(page.locator('[lang="es"]').filter({ hasText: 'Revisa el vídeo' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: en.walkthrough.offline_copy })).toBeVisible();
	// A page that was never opened is not there offline.
	const other = await page.goto('/walkthroughs').catch(() => null);
	expect(other?.ok() ?? false).toBe(false);
	await context.close();
});

test('XSS payloads in a title, steps, callouts, alt text and a comment never run, and the CSP holds', async ({ browser }) => {
	test.setTimeout(240_000);
	const en = strings('en');
	// Every page, on every load, reports any payload that runs (window.__xss) and any CSP violation.
	const events: string[] = [];
	const watch = async (name: string) => {
		const context = await browser.newContext();
		await context.exposeFunction('__report', (what: string) => events.push(what));
		await context.addInitScript((marker) => {
			const w = window as unknown as Record<string, unknown> & { __report: (what: string) => void };
			w[marker] = (n: unknown) => w.__report(`ran ${String(n)} on ${location.pathname}`);
			document.addEventListener('securitypolicyviolation', (e) => w.__report(`csp ${e.violatedDirective} on ${location.pathname}`));
		}, XSS_MARKER);
		const page = await context.newPage();
		await signInAsDemo(page, name, 'en');
		return page;
	};

	// Payloads packed into as few steps as their length allows (4,000 characters a step).
	// (The 200-deep nested list is cut to fit a step: its first 3,800 characters are the attack.)
	const chunks: string[] = [''];
	for (const p of XSS_PAYLOADS.map((x) => x.slice(0, 3800))) {
		if ((chunks[chunks.length - 1] + '\n\n' + p).length > 3900) chunks.push('');
		chunks[chunks.length - 1] += `${chunks[chunks.length - 1] ? '\n\n' : ''}${p}`;
	}
	expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
	const title = `<img src=x onerror="window.__xss('title')">${uniqueName(' XSS ')}`;

	const mentor = await watch(DEMO.mentor);
	await mentor.goto('/walkthroughs/new');
	await mentor.getByLabel(en.help.tool).selectOption({ label: 'Flip' });
	await mentor.getByLabel(en.walkthrough.title, { exact: true }).fill(title);
	await mentor.getByRole('button', { name: en.walkthrough.start }).click();
	await mentor.getByLabel(en.walkthrough.outcome).fill(XSS_PAYLOADS.find((p) => p.length < 300)!);
	for (let i = 1; i < chunks.length; i++) await mentor.getByRole('button', { name: en.walkthrough.add_step }).click();
	for (const [i, chunk] of chunks.entries()) {
		const step = await fillStep(mentor, en, i + 1, chunk);
		await step.getByLabel(en.walkthrough.callout_kind).selectOption('caution');
		await step.getByLabel(en.walkthrough.callout_text).fill(XSS_PAYLOADS[i].slice(0, 500));
	}
	await mentor.getByLabel(en.walkthrough.difficulty).selectOption('3');
	await mentor.getByLabel(en.walkthrough.minutes).fill('20');
	await mentor.getByRole('button', { name: en.walkthrough.submit, exact: true }).click();
	await expect(mentor.getByRole('status').first()).toHaveText(en.walkthrough.submitted);
	const id = mentor.url().match(/walkthroughs\/([0-9a-f-]{36})/)![1];

	const coordinator = await watch(DEMO.coordinator);
	await coordinator.goto(`/walkthroughs/${id}/edit`);
	await coordinator.getByRole('button', { name: en.walkthrough.approve }).click();
	await expect(coordinator).toHaveURL(/published=1/);

	const teacher = await watch(DEMO.teacher);
	const response = await teacher.goto(`/walkthroughs/${id}`);
	const csp = response?.headers()['content-security-policy'] ?? '';
	expect(csp).toMatch(/script-src 'self'/);
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
	// The payloads are shown as words, not run.
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText(title);
	await teacher.getByLabel(en.walkthrough.comment_label).fill(XSS_PAYLOADS.slice(0, 8).join('\n').slice(0, 1000));
	await teacher.getByRole('button', { name: en.walkthrough.send_comment }).click();
	await expect(teacher).toHaveURL(/done=walkthrough\.thanks_comment/);
	await expect(teacher.getByText(en.walkthrough.thanks_comment)).toBeVisible();
	for (const path of [`/walkthroughs/${id}?view=one&step=2`, `/walkthroughs/${id}/print`, `/walkthroughs?q=XSS`]) await teacher.goto(path);
	// The authors read the comment in the editor.
	await mentor.goto(`/walkthroughs/${id}/edit`);
	await expect(mentor.getByRole('region', { name: en.walkthrough.comments })).toContainText('onerror');
	await mentor.waitForTimeout(500);
	expect(events).toEqual([]);
});

test('a draft saves itself while the author types, and a reader can go one step at a time', async ({ browser }) => {
	const en = strings('en');
	const mentor = await person(browser, DEMO.mentor, 'en');
	await mentor.goto('/walkthroughs/e0000000-0000-4000-8000-000000000002/edit');
	const outcome = `You will make a poster ${uniqueName('')}.`;
	await mentor.getByLabel(en.walkthrough.outcome).fill(outcome);
	await expect(mentor.getByText(/^Draft saved at /)).toBeVisible({ timeout: 15_000 });
	await mentor.reload();
	await expect(mentor.getByLabel(en.walkthrough.outcome)).toHaveValue(outcome);

	await mentor.goto('/walkthroughs/e0000000-0000-4000-8000-000000000001?read=en&view=one&step=2');
	await expect(mentor.getByRole('progressbar')).toHaveAttribute('value', '2');
	await expect(mentor.getByText(fill(en.walkthrough.step_of, { n: 2, total: 3 }))).toBeVisible();
	await expect(mentor.getByRole('heading', { name: fill(en.walkthrough.step_n, { n: 3 }) })).toHaveCount(0);
	await mentor.getByRole('link', { name: en.walkthrough.next_step }).click();
	await expect(mentor.getByText(fill(en.walkthrough.step_of, { n: 3, total: 3 }))).toBeVisible();
	// Step 3 has no English yet: the Spanish is shown, marked, with its own language, and the
	// notice at the top says so.
	await expect(mentor.getByText(fill(en.walkthrough.steps_not_in_language_one, { steps: '3', language: 'English', original: 'Spanish' }))).toBeVisible();
	await expect(mentor.locator('.rich-text[lang="es"]').filter({ hasText: 'Revisa el vídeo' })).toBeVisible();
});
