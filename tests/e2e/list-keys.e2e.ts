// Lists on a page are keyed by what is unique in them. A key two rows can share (a time, a
// language) makes Svelte's script stop as the page starts (each_key_duplicate), and the page's
// words disappear. Issue 10, point 7, and its sibling in the reader.
import { expect, test } from '@playwright/test';
import { DEMO, person, strings, uniqueName } from './helpers';
// The editor's lists were keyed by time, and two rows with the same time made
// the page's script stop (Svelte's each_key_duplicate) as it started. Rows written in one
// transaction (an import, a seed) share their time; the app never makes two in one, so the test
// posts two real comments and gives the page the first one's time for both, as such rows arrive.
test('the editor shows two comments that share a timestamp, and its script keeps working', async ({ browser }) => {
	test.setTimeout(90_000);
	const t = strings('en');
	const guide = '/walkthroughs/e0000000-0000-4000-8000-000000000001';
	const words = [uniqueName('Very clear '), uniqueName('It helped my class ')];
	for (const [i, who] of [DEMO.teacher, DEMO.teacherEs].entries()) {
		const reader = await person(browser, who, 'en');
		await reader.goto(guide);
		await reader.getByLabel(t.walkthrough.comment_label).fill(words[i]);
		await reader.getByRole('button', { name: t.walkthrough.send_comment }).click();
		await expect(reader.getByRole('status').filter({ hasText: t.walkthrough.thanks_comment })).toBeVisible();
	}

	const author = await person(browser, DEMO.mentor, 'en');
	const errors: string[] = [];
	author.on('pageerror', (e) => errors.push(e.message));
	await author.route(`**${guide}/edit**`, async (route) => {
		if (route.request().resourceType() !== 'document') return route.continue();
		const response = await route.fetch();
		let html = await response.text();
		const at = (body: string) => new RegExp(`body:"${body}",at:"([^"]+)"`).exec(html)?.[1];
		const [first, second] = words.map(at);
		expect(first && second, 'both comments are in the page data').toBeTruthy();
		html = html.replaceAll(second!, first!);
		await route.fulfill({ response, body: html });
	});
	await author.goto(`${guide}/edit`);
	const comments = author.getByRole('region', { name: t.walkthrough.comments });
	for (const w of words) await expect(comments.getByText(w)).toBeVisible();
	// The script runs: typing is autosaved.
	await author.getByLabel(t.walkthrough.prerequisites).fill('Una cuenta de Flip y el código del grupo.');
	const saved = t.walkthrough.autosaved.split('{{time}}')[0].trim();
	await expect(author.getByRole('status').filter({ hasText: saved })).toBeVisible({ timeout: 15_000 });
	expect(errors).toEqual([]);
});

test('the reader shows a guide side by side with its original when the asked language has no version', async ({ browser }) => {
	const reader = await person(browser, DEMO.teacher, 'en');
	const errors: string[] = [];
	reader.on('pageerror', (e) => errors.push(e.message));
	// Sofía's guide to Flip exists in Spanish (the original) and English, not in Vietnamese: read
	// in Vietnamese, it shows the Spanish; "beside Spanish" must not draw Spanish twice.
	await reader.goto('/walkthroughs/e0000000-0000-4000-8000-000000000001?read=vi&with=es');
	await expect(reader.getByText('Pulsa el botón verde para grabar.').first()).toBeVisible();
	expect(errors).toEqual([]);
});
