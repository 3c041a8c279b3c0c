// One test per person: each page they can reach, in en and ar, at a phone and a Chromebook width.
import { test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { signInAsDemo } from '../../tests/e2e/helpers';
import { ROUTES, type Visitor } from '../../tests/e2e/routes';

const out = path.resolve('screenshots');
fs.mkdirSync(out, { recursive: true });
const people = [...new Set(ROUTES.flatMap((r) => r.who))];

for (const who of people) {
	test(`pages seen by ${who}`, async ({ browser }) => {
		for (const lang of ['en', 'ar']) {
			for (const width of [320, 1366]) {
				const context = await browser.newContext({ viewport: { width, height: 768 } });
				const page = await context.newPage();
				if (who === 'visitor') await page.goto(`/?lang=${lang}`);
				else await signInAsDemo(page, who, lang);
				for (const route of ROUTES.filter((r) => r.who.includes(who as Visitor))) {
					await page.goto(route.path);
					const name = `${who.replace(/[^A-Za-z]+/g, '_')}${route.id.replace(/[/[\]]+/g, '_')}-${lang}-${width}.png`;
					await page.screenshot({ path: path.join(out, name), fullPage: true });
				}
				await context.close();
			}
		}
	});
}
