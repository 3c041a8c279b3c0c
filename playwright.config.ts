import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// One fresh embedded database per run, shared by the workers (they inherit this variable).
process.env.E2E_DATA_DIR ||= mkdtempSync(path.join(tmpdir(), 'tp-e2e-'));
const port = Number(process.env.E2E_PORT || 4173);

export const chromium = {
	executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
};

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		launchOptions: chromium
	},
	projects: [
		{ name: 'chromium', testIgnore: '**/lighthouse.e2e.ts', use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
		// Lighthouse alone, after all the others: its simulated slow phone scales the CPU time this
		// machine really spent, so a test running beside it would lower its scores.
		{
			name: 'lighthouse',
			testMatch: '**/lighthouse.e2e.ts',
			dependencies: ['chromium'],
			use: { ...devices['Desktop Chrome'], launchOptions: chromium }
		}
	],
	webServer: {
		command: 'node scripts/server.js',
		url: `http://127.0.0.1:${port}/login`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: process.env.E2E_DATA_DIR,
			DEMO: 'on',
			// Small limits so the rate-limit test stays short; a school uses the defaults.
			SIGNIN_ACCOUNT_LIMIT: '3',
			SIGNIN_ADDRESS_LIMIT: '200'
		}
	}
});
