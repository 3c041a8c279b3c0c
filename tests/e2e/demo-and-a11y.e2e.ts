import { expect, test } from '@playwright/test';
import { DEMO, expectNoAxeViolations, signInAsDemo } from './helpers';

test('/demo offers one button per demo account, at least one per role, inside main', async ({ page }) => {
	await page.goto('/demo');
	const buttons = page.getByRole('main').getByRole('button');
	expect(await buttons.count()).toBeGreaterThanOrEqual(20);
	for (const role of ['Coordinator', 'Teacher', 'Researcher', 'Student tech mentor']) {
		await expect(page.getByRole('main').getByRole('button', { name: new RegExp(role) }).first()).toBeVisible();
	}
	await expect(buttons.filter({ hasText: DEMO.coordinator })).toHaveText(/^Dana Whitfield \((Coordinator, Teacher|Teacher, Coordinator)\)$/);
});

test('one click signs in as that person, and home shows what needs their attention', async ({ page }) => {
	await signInAsDemo(page, DEMO.coordinator);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Dana Whitfield');
	await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' })).toBeVisible();
	await expect(page.getByText('student mentors')).toBeVisible();
});

test('navigation depends on the role: a teacher has no People page and is refused it', async ({ page }) => {
	await signInAsDemo(page, DEMO.teacher);
	await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' })).toHaveCount(0);
	const response = await page.goto('/people');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('main')).toContainText('You are not allowed to see this page.');
});

const visitorPages = ['/', '/login', '/demo', '/invite/not-a-real-token'];
const pagesByPerson: Record<string, string[]> = {
	[DEMO.coordinator]: ['/home', '/account', '/people', '/people/add-student', '/people/invite', '/people/import', '/people/20000000-0000-4000-8000-000000000015'],
	[DEMO.teacher]: ['/home', '/account'],
	[DEMO.researcher]: ['/home', '/account'],
	[DEMO.mentor]: ['/home', '/account']
};

for (const lang of ['en', 'es', 'ar']) {
	test(`axe finds nothing on visitor pages (${lang})`, async ({ page }) => {
		for (const path of visitorPages) {
			await page.goto(`${path}?lang=${lang}`);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expectNoAxeViolations(page);
		}
	});

	for (const [person, paths] of Object.entries(pagesByPerson)) {
		test(`axe finds nothing on every page ${person} can reach (${lang})`, async ({ page }) => {
			await signInAsDemo(page, person, lang);
			for (const path of paths) {
				const response = await page.goto(path);
				expect(response?.status(), path).toBe(200);
				await expectNoAxeViolations(page);
			}
		});
	}
}

test('Arabic pages are right-to-left', async ({ page }) => {
	await page.goto('/login?lang=ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});
