import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Servers of our own, each on its own port, sharing one embedded data directory.
function startServer(dataDir: string, port: number, demo = 'on') {
	const child = spawn(process.execPath, ['scripts/server.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: demo },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	return { child, exited, output: () => output };
}

async function waitUntilServing(port: number, child: ChildProcess) {
	for (let i = 0; i < 240; i++) {
		if (child.exitCode !== null) throw new Error('server exited');
		try {
			if ((await fetch(`http://127.0.0.1:${port}/login`)).ok) return;
		} catch {
			// not yet listening
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error('server did not start');
}

test('one writer per data directory; after kill -9 the next start recovers with no committed data lost', async ({ page }) => {
	test.setTimeout(180_000);
	const dataDir = mkdtempSync(path.join(tmpdir(), 'tp-lock-'));
	const [portA, portB, portC] = [4391, 4392, 4393];
	const first = startServer(dataDir, portA);
	try {
		await waitUntilServing(portA, first.child);

		// Something worth keeping: a coordinator creates a student account.
		await page.goto(`http://127.0.0.1:${portA}/demo`);
		await page.getByRole('button', { name: /^Dana Whitfield/ }).click();
		await page.goto(`http://127.0.0.1:${portA}/people/add-student`);
		await page.getByLabel('Name', { exact: true }).fill('Kept After Crash');
		await page.getByLabel('Username').fill('kept.after.crash');
		await page.getByLabel('Password (optional)').fill('crash-proof-1');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByRole('status')).toContainText('Kept After Crash can now sign in');

		// A second server on the same directory refuses, naming the lock and the directory.
		const second = startServer(dataDir, portB);
		const code = await second.exited;
		expect(code).not.toBe(0);
		expect(second.output()).toContain(path.join(dataDir, 'tech-playground.lock'));
		expect(second.output()).toContain(`data directory ${dataDir} is in use`);
		// The first keeps serving.
		expect((await fetch(`http://127.0.0.1:${portA}/login`)).status).toBe(200);

		// Crash: no shutdown, no lock clean-up.
		first.child.kill('SIGKILL');
		await first.exited;

		const third = startServer(dataDir, portC);
		try {
			await waitUntilServing(portC, third.child);
			await page.goto(`http://127.0.0.1:${portC}/login`);
			const form = page.locator('form[action="?/student"]');
			await form.getByLabel('School code').fill('lakeside');
			await form.getByLabel('Username').fill('kept.after.crash');
			await form.getByLabel('Password').fill('crash-proof-1');
			await form.getByRole('button').click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Kept After Crash');
		} finally {
			third.child.kill('SIGTERM');
			await third.exited;
		}
	} finally {
		first.child.kill('SIGKILL');
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('with demo off, an empty database gets no demo data and a one-time setup for the first coordinator', async ({ page }) => {
	test.setTimeout(120_000);
	const dataDir = mkdtempSync(path.join(tmpdir(), 'tp-setup-'));
	const port = 4394;
	const server = startServer(dataDir, port, 'off');
	try {
		await waitUntilServing(port, server.child);
		const code = /setup code: ([0-9A-F-]{14})/.exec(server.output())?.[1];
		expect(code, server.output()).toBeTruthy();
		expect((await fetch(`http://127.0.0.1:${port}/demo`)).status).toBe(404);

		await page.goto(`http://127.0.0.1:${port}/`);
		await expect(page).toHaveURL(/\/setup$/);
		await page.getByLabel('Setup code').fill('0000-0000-0000');
		await page.getByLabel('School name').fill('Riverside Middle School');
		await page.getByLabel('School code').fill('riverside');
		await page.getByLabel('Time zone').selectOption('America/New_York');
		await page.getByLabel('Name shown in the app').fill('Pat Coordinator');
		await page.getByLabel('Email address').fill('pat@riverside.example.org');
		await page.getByLabel('Choose a password').fill('first coordinator pw');
		await page.getByLabel('Type the password again').fill('first coordinator pw');
		await page.getByRole('button', { name: 'Create the school' }).click();
		await expect(page.getByRole('alert')).toHaveText('That setup code is not right. Check the server log.');
		await expect(page.getByLabel('School name')).toHaveValue('Riverside Middle School');

		await page.getByLabel('Setup code').fill(code!);
		await page.getByLabel('Choose a password').fill('first coordinator pw');
		await page.getByLabel('Type the password again').fill('first coordinator pw');
		await page.getByRole('button', { name: 'Create the school' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Pat Coordinator');
		await expect(page.getByText('You are here as: Coordinator')).toBeVisible();
		// The setup page is gone once a school exists.
		expect((await fetch(`http://127.0.0.1:${port}/setup`)).status).toBe(404);
	} finally {
		server.child.kill('SIGTERM');
		await server.exited;
		rmSync(dataDir, { recursive: true, force: true });
	}
});
