// A district runs several app servers on one PostgreSQL database. Started at the same moment on an
// empty database, they used to crash about half the time (a migration or the demo school applied
// twice), and with the demo off only the last printed setup code worked. Real servers, real
// PostgreSQL: four at once, ten times with the demo on and ten times with it off.
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';

const url = process.env.TEST_DATABASE_URL;
const SERVERS = 4;
const ROUNDS = 10;
const migrationFiles = fs.readdirSync('supabase/migrations').filter((f) => f.endsWith('.sql')).length;
const shimFiles = fs.readdirSync('src/lib/server/db/shim').filter((f) => f.endsWith('.sql')).length;

async function withClient<T>(connectionString: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** Starts a server on the database; resolves with its output once it serves, rejects if it exits. */
function startServer(databaseUrl: string, port: number, demo: 'on' | 'off') {
	const child = spawn(process.execPath, ['scripts/server.js'], {
		env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DEMO: demo },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const serving = (async () => {
		for (let i = 0; i < 600; i++) {
			if (child.exitCode !== null) throw new Error(`server on port ${port} exited ${child.exitCode}:\n${output}`);
			const ok = await fetch(`http://127.0.0.1:${port}/login`).then(
				(r) => r.ok,
				() => false
			);
			if (ok) return output;
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`server on port ${port} did not start:\n${output}`);
	})();
	const stop = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
	return { serving, stop, output: () => output };
}

for (const demo of ['on', 'off'] as const) {
	test(`${SERVERS} servers started at once on one empty PostgreSQL database, demo ${demo}, ${ROUNDS} times`, async () => {
		test.skip(!url, 'needs TEST_DATABASE_URL (PostgreSQL); .ci/run sets it');
		test.setTimeout(600_000);
		for (let round = 0; round < ROUNDS; round++) {
			const name = `tp_together_${randomBytes(5).toString('hex')}`;
			await withClient(url!, (c) => c.query(`create database ${name}`));
			const target = new URL(url!);
			target.pathname = `/${name}`;
			const port = 4700 + round * 10 + (demo === 'on' ? 0 : 200);
			const servers = Array.from({ length: SERVERS }, (_, i) => startServer(target.toString(), port + i, demo));
			try {
				const outputs = await Promise.all(servers.map((s) => s.serving));
				await withClient(target.toString(), async (c) => {
					const applied = await c.query('select name, count(*)::int as n from app_meta.applied_migrations group by name');
					expect(applied.rows.length, `round ${round}: every migration recorded`).toBe(migrationFiles + shimFiles);
					expect(applied.rows.every((r) => r.n === 1)).toBe(true);
					const schools = (await c.query('select count(*)::int as n from public.schools')).rows[0].n;
					expect(schools, `round ${round}: schools`).toBe(demo === 'on' ? 1 : 0);
					const appliedBy = outputs.filter((o) => /Applied \d+ migration/.test(o)).length;
					expect(appliedBy, `round ${round}: servers that applied migrations`).toBe(1);
					if (demo === 'on') {
						expect(outputs.filter((o) => o.includes('Loaded the demo school')).length).toBe(1);
						return;
					}
					// Every server printed a code, and each one of them would set up the school.
					const codes = outputs.map((o) => o.match(/setup code: ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})/)?.[1]);
					expect(codes.every(Boolean), `round ${round}: every server printed a code`).toBe(true);
					expect(new Set(codes).size).toBe(SERVERS);
					for (const code of codes) {
						await c.query('begin');
						try {
							const hash = createHash('sha256').update(code!).digest('hex');
							const done = await c.query(
								`select app_private.setup_school($1, 'Hill School', $2, 'UTC', 'First Coordinator', $3, null, null) as id`,
								[hash, `hill${round}`, `first${round}@example.org`]
							);
							expect(done.rows[0].id, `code ${code} sets up the school`).toBeTruthy();
						} finally {
							await c.query('rollback');
						}
					}
				});
			} finally {
				await Promise.all(servers.map((s) => s.stop()));
				await withClient(url!, (c) => c.query(`drop database if exists ${name} with (force)`));
			}
		}
	});
}
