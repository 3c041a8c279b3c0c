// A teacher's private words reach only the people the teacher chose (issue 10, points 2 and 5):
// a second mentor asks to join and reads nothing until the teacher says yes (the teacher answers
// without JavaScript), and a walkthrough made from the request starts without the teacher's words,
// asking the author for their own. The teacher is told of the ask (bell and notifications), the
// mentor is told the answer, and a mentor can take an ask back.
import { expect, test, type Page } from '@playwright/test';
import { DEMO, escape, expectNoAxeViolations, fill, person, strings, uniqueName } from './helpers';

/** The bell's number of unread notifications, read from its accessible name. */
async function bellCount(page: Page): Promise<number> {
	const label = await page.locator('header a[href="/notifications"]').first().getAttribute('aria-label');
	return Number(label?.match(/\d+/)?.[0] ?? 'NaN');
}

test('a partner reads private words only after the teacher says yes; a walkthrough from it starts without them', async ({ browser }) => {
	test.setTimeout(180_000);
	const t = strings('en');
	const subject = uniqueName('Private ');
	const secret = `I feel embarrassed that I cannot share my screen (${subject}).`;

	// Marcus asks for help and keeps his words private; Sofía claims it.
	const teacher = await person(browser, DEMO.teacher, 'en', false);
	await teacher.goto('/help/new');
	await teacher.getByLabel(t.help.tool).selectOption({ label: 'Flip' });
	await teacher.getByLabel(t.help.goal).fill(secret);
	await teacher.getByLabel(t.help.subject).fill(subject);
	await teacher.getByLabel(t.help.grade, { exact: true }).fill('7');
	await teacher.getByLabel(t.help.keep_private).check();
	await teacher.getByRole('button', { name: t.help.post }).click();
	await expect(teacher.getByRole('status')).toHaveText(t.help.posted_done);
	const path = new URL(teacher.url()).pathname;
	const sofia = await person(browser, DEMO.mentor, 'en');
	await sofia.goto(path);
	await sofia.getByRole('button', { name: t.help.claim }).click();
	await expect(sofia.getByRole('status')).toHaveText(t.help.claimed_done);

	// Marcus has read his notifications, so the bell starts at nothing new.
	await teacher.goto('/notifications');
	const markRead = teacher.getByRole('button', { name: t.notifications.mark_read });
	if (await markRead.count()) {
		await markRead.click();
		await expect(teacher.getByRole('status')).toHaveText(t.notifications.all_read);
	}

	// Omar asks to join. He is told he waits for the teacher, and the words stay hidden.
	const omar = await person(browser, DEMO.mentorAr, 'en');
	await omar.goto(path);
	await omar.getByRole('button', { name: t.help.join }).click();
	await expect(omar.getByRole('status').filter({ hasText: t.help.asked_to_join_done })).toBeVisible();
	await expect(omar.getByText(t.help.partner_ask_you_wait)).toBeVisible();
	await expect(omar.getByRole('button', { name: t.help.join })).toHaveCount(0);
	await expect(omar.getByText(t.help.private_words_claim)).toBeVisible();
	expect(await omar.content()).not.toContain('embarrassed');
	await expectNoAxeViolations(omar);

	// He changes his mind and takes the ask back: he is no longer waiting, and may ask again.
	await omar.getByRole('button', { name: t.help.withdraw_ask }).click();
	await expect(omar.getByRole('status').filter({ hasText: t.help.ask_withdrawn_done })).toBeVisible();
	await expect(omar.getByText(t.help.partner_ask_you_wait)).toHaveCount(0);
	await expect(omar.getByText(fill(t.events.ask_withdrawn, { name: DEMO.mentorAr }))).toBeVisible();
	await omar.getByRole('button', { name: t.help.join }).click();
	await expect(omar.getByRole('status').filter({ hasText: t.help.asked_to_join_done })).toBeVisible();
	await expect(omar.getByRole('button', { name: t.help.withdraw_ask })).toBeVisible();

	// Marcus, without JavaScript, is told: the bell counts it, and the notification leads to the
	// request, where he sees who asks and says yes.
	await teacher.goto('/home');
	expect(await bellCount(teacher)).toBeGreaterThan(0);
	await teacher.goto('/notifications');
	await teacher.getByRole('link', { name: fill(t.notifications.kind_partner_asked, { tool: 'Flip' }) }).first().click();
	await expect(teacher).toHaveURL(new RegExp(`${escape(path)}$`));
	await expect(teacher.getByText(fill(t.help.partner_ask_teacher, { name: DEMO.mentorAr }))).toBeVisible();
	await expect(teacher.getByRole('button', { name: fill(t.help.partner_ask_no, { name: DEMO.mentorAr }) })).toBeVisible();
	await teacher.getByRole('button', { name: fill(t.help.partner_ask_yes, { name: DEMO.mentorAr }) }).click();
	await expect(teacher.getByRole('status')).toHaveText(t.help.partner_answered_done);
	await expect(teacher.getByText(fill(t.events.partner_approved, { name: DEMO.teacher }))).toBeVisible();

	// Omar is told the answer, and the notification leads him to the request, where as a partner
	// he now reads the words.
	await omar.goto('/notifications');
	await omar.getByRole('link', { name: fill(t.notifications.kind_partner_approved, { tool: 'Flip' }) }).first().click();
	await expect(omar).toHaveURL(new RegExp(`${escape(path)}$`));
	await expect(omar.getByText(secret)).toBeVisible();

	// Sofía logs the session; Omar makes a walkthrough from the request.
	await sofia.goto(path);
	await sofia.getByText(t.help.log_heading).click();
	await sofia.getByLabel(t.help.covered).fill('Sharing one tab, then the whole screen.');
	await sofia.getByLabel(t.help.minutes).fill('30');
	await sofia.getByLabel(t.outcomes.solved).check();
	await sofia.getByRole('group', { name: t.help.teacher_attended }).getByLabel(t.help.yes).check();
	await sofia.getByRole('button', { name: t.help.save_log }).click();
	await expect(sofia.getByRole('status')).toHaveText(t.help.logged_done);
	await omar.goto(path);
	await omar.getByRole('link', { name: t.walkthrough.make_from_request }).click();
	await omar.getByLabel(t.walkthrough.title).fill('Share your screen in class');
	await omar.getByRole('button', { name: t.walkthrough.start }).click();
	await expect(omar).toHaveURL(/\/walkthroughs\/[^/]+\/edit/);

	// The editor asks for his own words, and the teacher's are nowhere on the page.
	const outcome = omar.getByLabel(t.walkthrough.outcome);
	await expect(outcome).toHaveValue('');
	await expect(outcome).toHaveAccessibleDescription(t.walkthrough.private_goal_hint);
	await expect(omar.getByText(t.walkthrough.private_goal_hint)).toBeVisible();
	expect(await omar.content()).not.toContain('embarrassed');
	await expectNoAxeViolations(omar);
});

