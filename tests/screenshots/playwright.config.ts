// `npm run screenshots`: every page of the route list, for every person who can reach it, in
// English and Arabic, at 320 px and 1366 px, for people to look at (axe cannot see everything).
// Its own server on a throwaway demo database; output in screenshots/ (not committed).
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '../../playwright.config';

const port = 4480;
process.env.SHOTS_DATA_DIR ||= mkdtempSync(path.join(tmpdir(), 'tp-shots-'));

export default defineConfig({
	testDir: '.',
	testMatch: 'pages.shots.ts',
	workers: 2,
	timeout: 300_000,
	reporter: [['list']],
	use: { baseURL: `http://127.0.0.1:${port}`, launchOptions: chromium },
	webServer: {
		command: 'node scripts/server.js',
		cwd: '../..',
		url: `http://127.0.0.1:${port}/login`,
		timeout: 120_000,
		reuseExistingServer: false,
		env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: process.env.SHOTS_DATA_DIR, DEMO: 'on' }
	}
});
