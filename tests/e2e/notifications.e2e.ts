import { expect, test, type Page } from '@playwright/test';
import { DEMO, fill, person, startGuide, strings, uniqueName } from './helpers';

const en = strings('en');
// A teacher no other test names as a reviewer, so his bell only moves because of this test.
const REVIEWER = "Kevin O'Brien";

/** The bell's number of unread notifications, read from its accessible name. */
async function bellCount(page: Page): Promise<number> {
	const label = await page.locator('header a[href="/notifications"]').first().getAttribute('aria-label');
	const n = Number(label?.match(/\d+/)?.[0] ?? 'NaN');
	expect(n, `bell label "${label}"`).not.toBeNaN();
	return n;
}

test('the coordinator saves the overview targets through the page (without JavaScript), and they stay saved', async ({ browser }) => {
	const page = await person(browser, DEMO.coordinator, 'en', false);
	await page.goto('/help/overview');
	const targets = page.getByRole('region', { name: en.overview.targets });
	await targets.getByLabel(en.overview.claim_days).fill('3');
	await targets.getByLabel(en.overview.resolve_days).fill('9');
	await targets.getByRole('button', { name: en.account.save }).click();
	await expect(page.getByText(en.overview.targets_saved)).toBeVisible();
	await page.goto('/help/overview');
	await expect(targets.getByLabel(en.overview.claim_days)).toHaveValue('3');
	await expect(targets.getByLabel(en.overview.resolve_days)).toHaveValue('9');
	// Back to the defaults, for the other tests that share this school.
	await targets.getByLabel(en.overview.claim_days).fill('2');
	await targets.getByLabel(en.overview.resolve_days).fill('7');
	await targets.getByRole('button', { name: en.account.save }).click();
	await expect(page.getByText(en.overview.targets_saved)).toBeVisible();
});

test('the reviewer is told a walkthrough waits, opening it marks it read and the bell drops; the author is told it is published', async ({ browser }) => {
	test.setTimeout(120_000);
	const title = uniqueName('Make a poster in Canva ');

	// The mentor starts a guide and writes a step, but does not choose its difficulty or time.
	const mentor = await person(browser, DEMO.mentor, 'en');
	const id = await startGuide(mentor, { tool: 'Canva', title, step: 'Open Canva and search for a poster template.' });
	await expect(mentor.getByLabel(en.walkthrough.difficulty)).toHaveValue('');
	await expect(mentor.getByLabel(en.walkthrough.minutes)).toHaveValue('');
	// Sending it as it is would publish a made-up "Very easy · 10 minutes": it is refused, in plain words.
	await mentor.getByLabel(en.walkthrough.reviewer).selectOption({ label: REVIEWER });
	await mentor.getByRole('button', { name: en.walkthrough.submit, exact: true }).click();
	await expect(mentor.getByRole('alert')).toContainText(en.walkthrough.choose_details);
	await mentor.getByLabel(en.walkthrough.difficulty).selectOption('2');
	await mentor.getByLabel(en.walkthrough.minutes).fill('15');
	await mentor.getByLabel(en.walkthrough.reviewer).selectOption({ label: REVIEWER });
	await mentor.getByRole('button', { name: en.walkthrough.submit, exact: true }).click();
	await expect(mentor.getByRole('status').first()).toHaveText(en.walkthrough.submitted);

	// The teacher she named finds it on his bell. He opens it without JavaScript: a plain link.
	const reviewer = await person(browser, REVIEWER, 'en', false);
	const before = await bellCount(reviewer);
	expect(before).toBeGreaterThan(0);
	await reviewer.locator('header a[href="/notifications"]').first().click();
	const note = reviewer.getByRole('link', { name: fill(en.notifications.kind_review_requested, { title }) });
	await note.click();
	await expect(reviewer).toHaveURL(new RegExp(`/walkthroughs/${id}/edit$`));
	expect(await bellCount(reviewer)).toBe(before - 1);
	await reviewer.goto('/notifications');
	await expect(reviewer.getByRole('listitem').filter({ has: note }).getByText(en.notifications.new, { exact: true })).toHaveCount(0);

	// He approves it; the mentor is told it is published, and opening that marks it read too.
	await reviewer.goto(`/walkthroughs/${id}/edit`);
	await reviewer.getByRole('button', { name: en.walkthrough.approve }).click();
	await expect(reviewer).toHaveURL(new RegExp(`/walkthroughs/${id}\\?published=1$`));
	await mentor.goto('/notifications');
	const published = mentor.getByRole('listitem').filter({ hasText: fill(en.notifications.kind_published, { title }) });
	await expect(published.getByText(en.notifications.new, { exact: true })).toBeVisible();
	await published.getByRole('link').click();
	await expect(mentor).toHaveURL(new RegExp(`/walkthroughs/${id}$`));
	await expect(mentor.getByText(/Easy · 15 minutes/)).toBeVisible();
	await mentor.goto('/notifications');
	await expect(published.getByText(en.notifications.new, { exact: true })).toHaveCount(0);
});
