// `npm run screenshots`: each main page in English and Arabic at 320 px and 1366 px, for people to
// look at (axe cannot see everything). Starts its own server on a throwaway demo database.
// Output: screenshots/<who>-<page>-<lang>-<width>.png (not committed).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const port = 4480;
const base = `http://127.0.0.1:${port}`;
const out = path.resolve('screenshots');
const pages = {
	visitor: ['/', '/login', '/demo', '/reading'],
	'Dana Whitfield': ['/home', '/people', '/people/add-student', '/people/import', '/people/invite', '/account'],
	'Sofía R.': ['/home', '/account', '/walkthroughs', '/walkthroughs/e0000000-0000-4000-8000-000000000002/edit'],
	'Marcus Bell': ['/walkthroughs/e0000000-0000-4000-8000-000000000001?read=es&with=en', '/walkthroughs/e0000000-0000-4000-8000-000000000001/print'],
	'Dr. Priya Raman': ['/home']
};

if (!fs.existsSync('build/handler.js')) throw new Error('Run `npm run build` first.');
fs.mkdirSync(out, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-shots-'));
const server = spawn(process.execPath, ['scripts/server.js'], {
	env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'on' },
	stdio: 'inherit'
});
try {
	for (let i = 0; i < 120; i++) {
		if (await fetch(`${base}/login`).then((r) => r.ok, () => false)) break;
		await new Promise((r) => setTimeout(r, 500));
	}
	const browser = await chromium.launch({
		executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
	});
	for (const [who, paths] of Object.entries(pages)) {
		for (const lang of ['en', 'ar']) {
			for (const width of [320, 1366]) {
				const context = await browser.newContext({ viewport: { width, height: 768 } });
				const page = await context.newPage();
				await page.goto(`${base}/demo?lang=${lang}`);
				if (who !== 'visitor') {
					await page.getByRole('main').getByRole('button', { name: new RegExp(`^\u2068?${who.replace('.', '\\.')}`) }).click();
					await page.waitForURL('**/home');
				}
				for (const p of paths) {
					await page.goto(base + p);
					const file = `${who.replace(/[^A-Za-z]+/g, '_')}${p.replace(/\//g, '_') || '_'}-${lang}-${width}.png`;
					await page.screenshot({ path: path.join(out, file), fullPage: true });
				}
				await context.close();
			}
		}
	}
	await browser.close();
	console.log(`Screenshots written to ${out}`);
} finally {
	server.kill('SIGTERM');
	setTimeout(() => fs.rmSync(dataDir, { recursive: true, force: true }), 1500);
}
