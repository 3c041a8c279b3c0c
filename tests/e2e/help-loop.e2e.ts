import { expect, test, type Page } from '@playwright/test';
import { DEMO, escape, fill, person, signInAsDemo, strings, uniqueName, type Strings } from './helpers';

/** The value of a datetime-local field two days from now at 12:30. */
function inTwoDays(): string {
	const d = new Date(Date.now() + 2 * 86_400_000);
	return `${d.toISOString().slice(0, 10)}T12:30`;
}

/** The teacher fills in and sends the request form; returns the request's page address. */
async function postRequest(page: Page, t: Strings, subject: string, goal: string): Promise<string> {
	await page.goto('/help/new');
	await page.getByLabel(t.help.tool).selectOption({ label: 'Flip' });
	await page.getByLabel(t.help.goal).fill(goal);
	await page.getByLabel(t.help.subject).fill(subject);
	await page.getByLabel(t.help.grade, { exact: true }).fill('7');
	await page.getByLabel(t.learners.english_learners).check();
	await page.getByRole('button', { name: t.help.post }).click();
	await expect(page.getByRole('status')).toHaveText(t.help.posted_done);
	return new URL(page.url()).pathname;
}

for (const { lang, teacher } of [
	{ lang: 'en', teacher: DEMO.teacher },
	{ lang: 'es', teacher: DEMO.teacherEs }
]) {
	test(`the whole loop in ${lang}: ask, claim, schedule, log, thank, verify, portfolio`, async ({ browser }) => {
		test.setTimeout(120_000);
		const t = strings(lang);
		const subject = uniqueName('Reading ');
		const thanks = lang === 'es' ? `¡Gracias, Sofía! ${subject}` : `Thank you, Sofía! ${subject}`;

		// 1. The teacher posts a request.
		const asker = await person(browser, teacher, lang);
		const path = await postRequest(asker, t, subject, 'My English learners should record read-alouds in Flip.');

		// 2. A mentor finds it in the queue, claims it and proposes a time.
		const mentor = await person(browser, DEMO.mentor, lang);
		await mentor.goto('/queue');
		const card = mentor.getByRole('article').filter({ hasText: subject });
		await card.getByRole('button', { name: t.help.claim }).click();
		await expect(mentor.getByRole('status')).toHaveText(t.help.claimed_done);
		await mentor.getByLabel(t.help.when, { exact: true }).fill(inTwoDays());
		await mentor.getByLabel(t.places.playground).check();
		await mentor.getByRole('button', { name: t.help.propose }).click();
		await expect(mentor.getByRole('status')).toHaveText(t.help.proposed_done);

		// 3. The teacher sees who claimed it, was notified, and accepts the time.
		await asker.goto('/notifications');
		await expect(asker.getByRole('link', { name: fill(t.notifications.kind_claimed, { tool: 'Flip' }) }).first()).toBeVisible();
		await asker.goto(path);
		await expect(asker.getByText(fill(t.help.claimed_by, { name: DEMO.mentor }))).toBeVisible();
		await asker.getByRole('button', { name: t.help.accept }).click();
		await expect(asker.getByRole('status')).toHaveText(t.help.accepted_done);
		await expect(asker.getByText(t.status.scheduled, { exact: true })).toBeVisible();

		// 4. The mentor logs the session.
		await mentor.goto(path);
		await mentor.getByLabel(t.help.covered).fill(`Recording, retakes, sharing the Flip link with families (${subject}).`);
		await mentor.getByLabel(t.help.minutes).fill('45');
		await mentor.getByLabel(t.outcomes.solved).check();
		await mentor.getByRole('group', { name: t.help.teacher_attended }).getByLabel(t.help.yes).check();
		await mentor.getByRole('button', { name: t.help.save_log }).click();
		await expect(mentor.getByRole('status')).toHaveText(t.help.logged_done);

		// 5. The teacher confirms, rates and thanks the mentor.
		await asker.goto(path);
		await asker.getByLabel(t.rating['5']).check();
		await asker.getByLabel(fill(t.help.thanks_label, { name: DEMO.mentor })).fill(thanks);
		await asker.getByRole('button', { name: t.help.confirm_close }).click();
		await expect(asker.getByRole('status')).toHaveText(t.help.closed_done);

		// 6. The coordinator verifies the hours from the overview.
		const coordinator = await person(browser, DEMO.coordinator, lang);
		await coordinator.goto('/help/overview?view=unverified');
		const row = coordinator.getByRole('row').filter({ hasText: subject });
		// The button names the mentor, the tool, then the request and its date (so no two are alike).
		const verifyName = fill(t.overview.verify_for, { name: DEMO.mentor, tool: 'Flip', subject, date: '' });
		await row.getByRole('button', { name: new RegExp(`^${escape(verifyName.trim())}`) }).click();
		await expect(coordinator.getByRole('status')).toHaveText(t.help.verified_done);

		// 7. The mentor's portfolio shows the verified session and the thank-you note.
		await mentor.goto('/portfolio');
		const session = mentor.getByRole('row').filter({ hasText: subject });
		await expect(session).toContainText('45');
		await expect(session).toContainText(t.portfolio.verified);
		await expect(mentor.getByText(thanks)).toBeVisible();
		await mentor.goto('/notifications');
		await expect(mentor.getByRole('link', { name: fill(t.notifications.kind_thanks, { tool: 'Flip' }) }).first()).toBeVisible();
	});
}

test('a second mentor is told who already holds the request, and the teacher’s page updates without a reload', async ({ browser }) => {
	const t = strings('en');
	const subject = uniqueName('Live ');
	const asker = await person(browser, DEMO.teacher, 'en');
	const path = await postRequest(asker, t, subject, 'Quizzes with Flip videos for review week.');
	// Both mentors open the queue while the request is still open. The second one has no
	// JavaScript, so their queue does not refresh itself and still offers the request.
	const first = await person(browser, DEMO.mentor, 'en');
	const second = await person(browser, DEMO.mentorAr, 'en', false);
	await first.goto('/queue');
	await second.goto('/queue');
	await asker.goto(path);
	await expect(asker.getByText(t.status.open, { exact: true })).toBeVisible();
	await first.getByRole('article').filter({ hasText: subject }).getByRole('button', { name: t.help.claim }).click();
	await expect(first.getByRole('status')).toHaveText(t.help.claimed_done);
	// The teacher never reloads: the page hears the change (server-sent events).
	await expect(asker.getByText(fill(t.help.claimed_by, { name: DEMO.mentor }))).toBeVisible({ timeout: 10_000 });
	// The second mentor claims from the stale queue and is told who holds it.
	await second.getByRole('article').filter({ hasText: subject }).getByRole('button', { name: t.help.claim }).click();
	await expect(second.getByRole('alert')).toHaveText(fill(t.request.already_claimed, { name: DEMO.mentor }));
});

test('a double-clicked submit makes one request, and bad input keeps what was typed', async ({ page }) => {
	const t = strings('es');
	await signInAsDemo(page, DEMO.teacherEs, 'es');
	await page.goto('/help/new');
	// Empty and too-short fields are named, in Spanish, and the words already typed stay.
	await page.getByLabel(t.help.goal).fill('Corto');
	await page.getByRole('button', { name: t.help.post }).click();
	await expect(page.locator('#tool_id-error')).toHaveText(t.help.choose_tool);
	await expect(page.locator('#goal-error')).toHaveText(t.form.too_short_10);
	await expect(page.getByLabel(t.help.goal)).toHaveValue('Corto');
	await expect(page.getByLabel(t.help.subject)).toHaveAttribute('aria-invalid', 'true');
	const subject = uniqueName('Doble ');
	await page.getByLabel(t.help.tool).selectOption({ label: 'Canva' });
	await page.getByLabel(t.help.goal).fill('Carteles sobre la cultura de cada familia.');
	await page.getByLabel(t.help.subject).fill(subject);
	await page.getByLabel(t.help.grade, { exact: true }).fill('8');
	await page.getByRole('button', { name: t.help.post }).dblclick();
	await expect(page.getByRole('status')).toHaveText(t.help.posted_done);
	await page.goto('/help');
	await expect(page.getByRole('article').filter({ hasText: new RegExp(escape(subject)) })).toHaveCount(1);
});

test('a proposed time in the past is refused in the mentor’s language, and nothing is saved', async ({ browser }) => {
	const t = strings('es');
	const asker = await person(browser, DEMO.teacherEs, 'es');
	const path = await postRequest(asker, t, uniqueName('Pasado '), 'Quiero usar Flip para presentaciones orales.');
	const mentor = await person(browser, DEMO.mentor, 'es');
	await mentor.goto(path);
	await mentor.getByRole('button', { name: t.help.claim }).click();
	await mentor.getByLabel(t.help.when, { exact: true }).fill('2020-01-15T10:00');
	await mentor.getByLabel(t.places.classroom).check();
	await mentor.getByRole('button', { name: t.help.propose }).click();
	await expect(mentor.getByRole('alert')).toHaveText(t.session.in_past);
	await expect(mentor.getByLabel(t.help.when, { exact: true })).toHaveValue('2020-01-15T10:00');
	// Nothing was saved: the history has no proposal and the request still waits for one.
	await mentor.goto(path);
	await expect(mentor.getByText(fill(t.events.proposed, { name: DEMO.mentor }))).toHaveCount(0);
	await expect(mentor.getByText(fill(t.events.claimed, { name: DEMO.mentor }))).toHaveCount(1);
});

test('claiming a request the teacher cancelled meanwhile is refused in Spanish, and an oversized field is named', async ({ browser }) => {
	const t = strings('es');
	const subject = uniqueName('Cancelada ');
	const asker = await person(browser, DEMO.teacherEs, 'es');
	const path = await postRequest(asker, t, subject, 'Necesito ayuda con Flip para mi clase de lectura.');
	const mentor = await person(browser, DEMO.mentor, 'es', false);
	await mentor.goto('/queue');
	// The teacher cancels while the mentor's queue (no JavaScript) still shows the request.
	await asker.goto(path);
	await asker.getByText(t.help.cancel, { exact: true }).first().click();
	await asker.getByRole('button', { name: t.help.cancel }).click();
	await expect(asker.getByRole('status')).toHaveText(t.help.cancelled_done);
	await mentor.getByRole('article').filter({ hasText: subject }).getByRole('button', { name: t.help.claim }).click();
	await expect(mentor.getByRole('alert')).toHaveText(t.request.not_open);
	await mentor.goto(path);
	await expect(mentor.getByText(t.status.cancelled, { exact: true })).toBeVisible();
	// A goal longer than 2,000 characters is named next to the field, and kept.
	await asker.goto('/help/new');
	await asker.getByLabel(t.help.goal).fill('a'.repeat(2001));
	await asker.getByRole('button', { name: t.help.post }).click();
	await expect(asker.locator('#goal-error')).toHaveText(t.form.too_long_2000);
	await expect(asker.getByLabel(t.help.goal)).toHaveValue('a'.repeat(2001));
});

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, most = 80) {
	for (let i = 0; i < most; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error(`Tab never reached ${target.toString()}`);
}

test('the main tasks work with the keyboard alone: a teacher asks, a mentor claims', async ({ browser }) => {
	const t = strings('en');
	const subject = uniqueName('Keys ');
	const asker = await person(browser, DEMO.teacher, 'en');
	await asker.goto('/help/new');
	const tool = asker.getByLabel(t.help.tool);
	await tabTo(asker, tool);
	while ((await tool.inputValue()) === '') await asker.keyboard.press('ArrowDown');
	await tabTo(asker, asker.getByLabel(t.help.goal));
	await asker.keyboard.type('Make review cards my students can use at home.');
	await tabTo(asker, asker.getByLabel(t.help.subject));
	await asker.keyboard.type(subject);
	await tabTo(asker, asker.getByLabel(t.help.grade, { exact: true }));
	await asker.keyboard.type('6');
	await tabTo(asker, asker.getByLabel(t.learners.dyslexic));
	await asker.keyboard.press('Space');
	// Radio buttons: Tab reaches the checked one, arrows move the choice ("Soon" -> "Urgent").
	await tabTo(asker, asker.getByLabel(t.urgency['2'], { exact: true }));
	await asker.keyboard.press('ArrowDown');
	await expect(asker.getByLabel(t.urgency['3'], { exact: true })).toBeChecked();
	await tabTo(asker, asker.getByRole('button', { name: t.help.post }));
	await asker.keyboard.press('Enter');
	await expect(asker.getByRole('status')).toHaveText(t.help.posted_done);

	const mentor = await person(browser, DEMO.mentor, 'en');
	await mentor.goto('/queue');
	await tabTo(mentor, mentor.getByRole('article').filter({ hasText: subject }).getByRole('button', { name: t.help.claim }), 200);
	await mentor.keyboard.press('Enter');
	await expect(mentor.getByRole('status')).toHaveText(t.help.claimed_done);
	await expect(mentor.getByText(fill(t.help.claimed_by, { name: DEMO.mentor }))).toBeVisible();
});
