// Sign-in limits under a burst: many simultaneous tries must not slip past the limit, on one
// server or several sharing one PostgreSQL database. What an attacker gains from a burst is
// password checks (guesses), so the tests count real calls of the password check.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { loadConfig } from '../config';
import { postgresDb } from '../db/postgres';
import { testTargets, type TestDatabase } from '../db/testing';
import { localAuth } from './local';
import { verifyPassword } from './passwords';

vi.mock('./passwords', async (original) => {
	const real = await original<typeof import('./passwords')>();
	return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const passwordChecks = vi.mocked(verifyPassword);

function jar(): Cookies {
	const values = new Map<string, string>();
	return {
		get: (name: string) => values.get(name),
		getAll: () => [...values].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void values.set(name, value),
		delete: (name: string) => void values.delete(name),
		serialize: () => ''
	} as unknown as Cookies;
}

const DEMO_PASSWORD = 'playground-demo';
// The production defaults: 5 failed tries per account, 100 per address, in 15 minutes.
const config = loadConfig({});

describe.each(testTargets())('sign-in bursts on $target', ({ target, open }) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await open();
	});
	afterAll(() => t.close());
	beforeEach(() => passwordChecks.mockClear());

	it('40 simultaneous wrong passwords for one account get at most 5 password checks', async () => {
		expect(config.signIn.accountLimit).toBe(5);
		const auth = localAuth(t.db, config);
		const login = { email: 'rosa.delgado@lakeside.example.org', address: '10.1.0.1' };
		const results = await Promise.all(
			Array.from({ length: 40 }, () => auth.signIn(jar(), { ...login, password: 'wrong-password' }))
		);
		expect(passwordChecks.mock.calls.length).toBeLessThanOrEqual(5);
		expect(results.filter((r) => !r.ok && r.reason === 'rate_limited').length).toBeGreaterThanOrEqual(35);
		expect(results.some((r) => r.ok)).toBe(false);
		// The right password is refused too until the window passes, and is not even checked.
		passwordChecks.mockClear();
		const right = await auth.signIn(jar(), { ...login, password: DEMO_PASSWORD });
		expect(right).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect(passwordChecks).not.toHaveBeenCalled();
	});

	it('a burst over many accounts from one address stops at the address limit', async () => {
		const tight = loadConfig({ SIGNIN_ADDRESS_LIMIT: '6' });
		const auth = localAuth(t.db, tight);
		const address = '10.1.0.2';
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) => auth.signIn(jar(), { email: `nobody${i}@nowhere.example`, password: 'x', address }))
		);
		expect(passwordChecks.mock.calls.length).toBeLessThanOrEqual(6);
		expect(results.filter((r) => !r.ok && r.reason === 'rate_limited').length).toBeGreaterThanOrEqual(24);
		// A real person behind that address waits too; from another address they get in.
		const person = { email: 'tom.nguyen@lakeside.example.org', password: DEMO_PASSWORD };
		expect(await auth.signIn(jar(), { ...person, address })).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect((await auth.signIn(jar(), { ...person, address: '10.1.0.3' })).ok).toBe(true);
	});

	it('a right password inside the limit still signs in, and clears the failures before it', async () => {
		const auth = localAuth(t.db, config);
		const login = { email: 'sarah.goldberg@lakeside.example.org', address: '10.1.0.4' };
		for (let i = 0; i < 4; i++) await auth.signIn(jar(), { ...login, password: 'wrong-password' });
		expect((await auth.signIn(jar(), { ...login, password: DEMO_PASSWORD })).ok).toBe(true);
		for (let i = 0; i < 4; i++) {
			expect(await auth.signIn(jar(), { ...login, password: 'wrong-password' })).toEqual({ ok: false, reason: 'invalid' });
		}
		expect((await auth.signIn(jar(), { ...login, password: DEMO_PASSWORD })).ok).toBe(true);
	});

	it.runIf(target === 'postgres')('40 wrong passwords split over two servers sharing the database get at most 5 checks', async () => {
		// A second app server: its own connection pool to the same database, like a second Node process.
		const second = postgresDb(t.url!, 20);
		try {
			const one = localAuth(t.db, config);
			const two = localAuth(second.db, config);
			const login = { email: 'james.whitaker@lakeside.example.org', address: '10.1.0.5' };
			const results = await Promise.all(
				Array.from({ length: 40 }, (_, i) => (i % 2 ? two : one).signIn(jar(), { ...login, password: 'wrong-password' }))
			);
			expect(passwordChecks.mock.calls.length).toBeLessThanOrEqual(5);
			expect(results.some((r) => r.ok)).toBe(false);
			passwordChecks.mockClear();
			expect(await two.signIn(jar(), { ...login, password: DEMO_PASSWORD })).toMatchObject({ ok: false, reason: 'rate_limited' });
			expect(await one.signIn(jar(), { ...login, password: DEMO_PASSWORD })).toMatchObject({ ok: false, reason: 'rate_limited' });
			expect(passwordChecks).not.toHaveBeenCalled();
		} finally {
			await second.pool.end();
		}
	});
});
