import { expect, test, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import { DEMO, signInAsDemo, uniqueName } from './helpers';

const es = JSON.parse(fs.readFileSync('src/lib/i18n/locales/es.json', 'utf8'));
const en = JSON.parse(fs.readFileSync('src/lib/i18n/locales/en.json', 'utf8'));

async function studentSignIn(page: Page, username: string, password: string, lang = 'en') {
	await page.goto(`/login?lang=${lang}`);
	const form = page.locator('form[action="?/student"]');
	await form.getByLabel(lang === 'es' ? es.login.school_code : en.login.school_code).fill('lakeside');
	await form.getByLabel(lang === 'es' ? es.login.username : en.login.username).fill(username);
	await form.getByLabel(lang === 'es' ? es.login.password : en.login.password).fill(password);
	await form.getByRole('button').click();
}

/** The coordinator makes a student with a known password, through the real form. */
async function createStudent(browser: Browser, username: string, password: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInAsDemo(page, DEMO.coordinator);
	await page.goto('/people/add-student');
	await page.getByLabel('Name', { exact: true }).fill(`Test ${username}`);
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password (optional)').fill(password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('status')).toContainText(`Test ${username} can now sign in`);
	return { context, page };
}

test('bad input gets field errors in the reader’s language, and what they typed stays', async ({ page }) => {
	expect(es.form.bad_email).not.toBe(en.form.bad_email);
	await page.goto('/login?lang=es');
	const adult = page.locator('form[action="?/adult"]');
	await adult.getByLabel(es.login.email).fill('no-es-un-correo');
	await adult.getByLabel(es.login.password).fill('algo');
	await adult.getByRole('button').click();
	await expect(adult.getByText(es.form.bad_email)).toBeVisible();
	await expect(adult.getByLabel(es.login.email)).toHaveValue('no-es-un-correo');
	await expect(adult.getByLabel(es.login.email)).toHaveAttribute('aria-invalid', 'true');
	// The password is never sent back into the page.
	await expect(adult.getByLabel(es.login.password)).toHaveValue('');
});

test('adding a student with bad fields names each problem and keeps the other values', async ({ page }) => {
	await signInAsDemo(page, DEMO.coordinator, 'es');
	await page.goto('/people/add-student');
	await page.getByLabel(es.people.display_name, { exact: true }).fill('   ');
	await page.getByLabel(es.people.username).fill('Has Spaces!');
	await page.getByLabel(es.people.password_optional).fill('short');
	await page.getByRole('button', { name: es.people.create_account }).click();
	await expect(page.locator('#field-display_name-error')).toHaveText(es.form.required);
	await expect(page.getByText(es.form.bad_username)).toBeVisible();
	await expect(page.getByText(es.form.password_short)).toBeVisible();
	await expect(page.getByLabel(es.people.username)).toHaveValue('Has Spaces!');
	// A username already taken at the school is refused by the database, in Spanish.
	await page.getByLabel(es.people.display_name, { exact: true }).fill('Otra Sofía');
	await page.getByLabel(es.people.username).fill('sofia.r');
	await page.getByLabel(es.people.password_optional).fill('');
	await page.getByRole('button', { name: es.people.create_account }).click();
	await expect(page.getByRole('alert')).toHaveText(es.people.username_taken);
	await expect(page.getByLabel(es.people.display_name, { exact: true })).toHaveValue('Otra Sofía');
});

test('a class list with bad rows: preview names each bad row, good rows are imported and can sign in', async ({ page, browser }) => {
	await signInAsDemo(page, DEMO.coordinator);
	await page.goto('/people/import');
	const a = uniqueName('ra');
	const b = uniqueName('rb');
	const csv = [
		'display_name,username,languages,password',
		`Ana ${a},${a},es en,first-pass-1`,
		`Bo ${b},${b},vi,`,
		',nameless,en,',
		`Bad Name,NOT OK!,en,`,
		`Twice,${a},en,`,
		`Klingon,${uniqueName('rk')},tlh,`
	].join('\n');
	await page.getByLabel('Or paste the list here').fill(csv);
	await page.getByRole('button', { name: 'Check the list' }).click();
	await expect(page.getByRole('status')).toHaveText('6 rows read. 2 are ready to import.');
	const preview = page.getByRole('table', { name: 'What will be imported' });
	await expect(preview.getByRole('row', { name: /^4 / })).toContainText('Name: Please fill this in.');
	await expect(preview.getByRole('row', { name: /^5 / })).toContainText('Username: Use 3 to 32 lowercase');
	await expect(preview.getByRole('row', { name: /^6 / })).toContainText('This username appears twice in the list.');
	await expect(preview.getByRole('row', { name: /^7 / })).toContainText('Choose languages from the list.');
	await page.getByRole('button', { name: 'Import 2 good rows' }).click();
	await expect(page.getByRole('status')).toHaveText('2 student accounts made.');
	await expect(page.getByRole('alert')).toHaveText('4 rows were not imported. Fix them and upload them again.');
	const rejected = page.getByRole('table', { name: 'Rows not imported' });
	await expect(rejected.getByRole('row')).toHaveCount(5);
	// The made-up password for Bo is shown once on a slip; Bo can sign in with it.
	const slip = page.getByRole('listitem').filter({ hasText: `Bo ${b}` });
	const password = (await slip.locator('dd').nth(2).textContent())!.trim();
	expect(password).toMatch(/^[a-z]+-[a-z]+-\d{2}$/);
	const student = await (await browser.newContext()).newPage();
	await studentSignIn(student, b, password);
	await expect(student.getByRole('heading', { level: 1 })).toHaveText(`Hello, Bo ${b}`);
	// Importing the same list again creates nothing twice.
	await page.goto('/people/import');
	await page.getByLabel('Or paste the list here').fill(csv);
	await page.getByRole('button', { name: 'Check the list' }).click();
	await page.getByRole('button', { name: 'Import 2 good rows' }).click();
	await expect(page.getByRole('status')).toHaveText('0 student accounts made.');
	await expect(page.getByRole('table', { name: 'Rows not imported' })).toContainText('This username is already used at your school.');
});

test('sign-in is rate limited per account, and the message says when to try again, in Spanish', async ({ page }) => {
	for (let i = 0; i < 3; i++) {
		await studentSignIn(page, 'diego.m', 'wrong-password', 'es');
		await expect(page.getByRole('alert')).toHaveText(es.auth.bad_student_login);
	}
	await studentSignIn(page, 'diego.m', 'playground-demo', 'es');
	await expect(page.getByRole('alert')).toHaveText(es.auth.rate_limited_other.replace('{{count}}', '15'));
	await expect(page).toHaveURL(/\/login/);
});

test('sign out everywhere ends the session on the other Chromebook too', async ({ browser }) => {
	const first = await (await browser.newContext()).newPage();
	const second = await (await browser.newContext()).newPage();
	await studentSignIn(first, 'valentina.p', 'playground-demo');
	await studentSignIn(second, 'valentina.p', 'playground-demo');
	await expect(second.getByRole('heading', { level: 1 })).toHaveText('Hello, Valentina P.');
	await first.goto('/account');
	await first.getByRole('button', { name: 'Sign out everywhere' }).click();
	await expect(first).toHaveURL(/\/login/);
	await second.goto('/home');
	await expect(second).toHaveURL(/\/login\?next=%2Fhome/);
});

test('a switched-off student is signed out at once and told why when signing in', async ({ browser }) => {
	const username = uniqueName('off');
	const { page: coordinator } = await createStudent(browser, username, 'a-good-password');
	const student = await (await browser.newContext()).newPage();
	await studentSignIn(student, username, 'a-good-password');
	await expect(student).toHaveURL(/\/home$/);
	await coordinator.goto('/people');
	await coordinator.getByRole('link', { name: `Test ${username}` }).click();
	await coordinator.getByRole('button', { name: 'Switch off this account' }).click();
	await expect(coordinator.getByRole('status')).toHaveText('Account switched off. The person was signed out everywhere.');
	await student.goto('/home');
	await expect(student).toHaveURL(/\/login/);
	await studentSignIn(student, username, 'a-good-password');
	await expect(student.getByRole('alert')).toHaveText(en.auth.account_inactive);
});

test('an invite link works once: the adult joins with their own password', async ({ page, browser }) => {
	await signInAsDemo(page, DEMO.coordinator);
	await page.goto('/people/invite');
	const email = `${uniqueName('new')}@lakeside.example.org`;
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Role').selectOption('teacher');
	await page.getByRole('button', { name: 'Make invite link' }).click();
	const link = await page.getByLabel('Invite link').inputValue();
	expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

	const guest = await (await browser.newContext()).newPage();
	await guest.goto(link);
	await expect(guest.getByText('You are invited to Lakeside Junior High as Teacher.')).toBeVisible();
	await guest.getByLabel('Name shown in the app').fill('Ms. Newcomer');
	await guest.getByLabel('Choose a password').fill('a long password');
	await guest.getByLabel('Type the password again').fill('a different one');
	await guest.getByRole('button', { name: 'Join' }).click();
	await expect(guest.getByText('The two passwords are not the same.')).toBeVisible();
	await expect(guest.getByLabel('Name shown in the app')).toHaveValue('Ms. Newcomer');
	await guest.getByLabel('Choose a password').fill('a long password');
	await guest.getByLabel('Type the password again').fill('a long password');
	await guest.getByRole('button', { name: 'Join' }).click();
	await expect(guest.getByRole('heading', { level: 1 })).toHaveText('Hello, Ms. Newcomer');

	const again = await (await browser.newContext()).newPage();
	await again.goto(link);
	await expect(again.getByText(en.invite.not_usable)).toBeVisible();
});

test('the CSP allows no inline scripts, and a cross-site form post is refused', async ({ page, request }) => {
	const response = await page.goto('/login');
	const csp = response!.headers()['content-security-policy'];
	const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
	expect(scriptSrc).not.toContain('unsafe-inline');
	expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("object-src 'none'");
	const forged = await request.post('/login?/adult', {
		headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'email=dana.whitfield%40lakeside.example.org&password=playground-demo'
	});
	expect(forged.status()).toBe(403);
	expect(forged.headers()['set-cookie'] ?? '').not.toContain('tp_session');
});

test('signing in works with the keyboard alone, with the password pasted (WCAG 3.3.8)', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/login');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
	const adult = page.locator('form[action="?/adult"]');
	// Tab from the student form's button into the adult form, as a keyboard user would.
	await page.locator('form[action="?/student"]').getByRole('button').focus();
	await page.keyboard.press('Tab');
	await expect(adult.getByLabel('Email address')).toBeFocused();
	await page.keyboard.type('marcus.bell@lakeside.example.org');
	await page.keyboard.press('Tab');
	await expect(adult.getByLabel('Password')).toBeFocused();
	await page.evaluate(() => navigator.clipboard.writeText('playground-demo'));
	await page.keyboard.press('Control+V');
	await expect(adult.getByLabel('Password')).toHaveValue('playground-demo');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Marcus Bell');
});

test('the people page searches and pages on the server', async ({ page }) => {
	await signInAsDemo(page, DEMO.coordinator);
	await page.goto('/people');
	await page.getByRole('searchbox', { name: 'Find a person' }).fill('sofía');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/\/people\?q=sof%C3%ADa$/);
	await expect(page.getByRole('status')).toHaveText('1 person found (page 1 of 1).');
	await expect(page.getByRole('table').getByRole('link')).toHaveText(['Sofía R.']);
	// A query that would be a LIKE wildcard is only text.
	await page.goto('/people?q=%25');
	await expect(page.getByRole('status')).toHaveText(/^0 people found/);
});
