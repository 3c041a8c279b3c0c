import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { loadConfig } from '../config';
import { testTargets, type TestDatabase } from '../db/testing';
import { localAuth } from './local';
import { SESSION_COOKIE } from './types';

/** Enough of SvelteKit's Cookies for the auth service: one browser's cookie jar. */
function jar(): Cookies & { values: Map<string, string> } {
	const values = new Map<string, string>();
	return {
		values,
		get: (name: string) => values.get(name),
		getAll: () => [...values].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void values.set(name, value),
		delete: (name: string) => void values.delete(name),
		serialize: () => ''
	} as unknown as Cookies & { values: Map<string, string> };
}

const TEACHER = '20000000-0000-4000-8000-000000000003';
const COORDINATOR = '20000000-0000-4000-8000-000000000001';
const DEMO_PASSWORD = 'playground-demo';

describe.each(testTargets())('local accounts on $target', ({ open }) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await open();
	});
	afterAll(() => t.close());

	const config = loadConfig({ SIGNIN_ACCOUNT_LIMIT: '3', SIGNIN_ADDRESS_LIMIT: '6', SIGNIN_WINDOW_SECONDS: '600' });

	it('signs a student in with school code + username and a teacher with email', async () => {
		const auth = localAuth(t.db, config);
		const student = await auth.signIn(jar(), { email: 'sofia.r@lakeside.students.invalid', password: DEMO_PASSWORD, address: '10.0.0.1' });
		expect(student.ok).toBe(true);
		const cookies = jar();
		const teacher = await auth.signIn(cookies, { email: 'Marcus.Bell@lakeside.example.org', password: DEMO_PASSWORD, address: '10.0.0.1' });
		expect(teacher.ok).toBe(true);
		expect(cookies.values.get(SESSION_COOKIE)).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const me = (await t.db.call('me', {}, await auth.caller(cookies))) as { user_id: string };
		expect(me.user_id).toBe(TEACHER);
	});

	it('refuses a wrong password, then locks the account after 3 failures even for the right one', async () => {
		const auth = localAuth(t.db, config);
		const login = { email: 'helen.okafor@lakeside.example.org', address: '10.0.0.2' };
		for (let i = 0; i < 3; i++) {
			expect(await auth.signIn(jar(), { ...login, password: 'wrong-password' })).toEqual({ ok: false, reason: 'invalid' });
		}
		const locked = await auth.signIn(jar(), { ...login, password: DEMO_PASSWORD });
		expect(locked).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect(locked.ok === false && locked.reason === 'rate_limited' && locked.retryAfterSeconds).toBeGreaterThan(500);
		// Another account from the same address is not locked by it.
		expect((await auth.signIn(jar(), { email: 'tom.nguyen@lakeside.example.org', address: '10.0.0.2', password: DEMO_PASSWORD })).ok).toBe(true);
	});

	it('limits one address across accounts (a whole school shares one)', async () => {
		const auth = localAuth(t.db, config);
		const address = '10.0.0.3';
		for (const who of ['a', 'b', 'c', 'd', 'e', 'f']) {
			await auth.signIn(jar(), { email: `${who}@nowhere.example`, password: 'x', address });
		}
		const blocked = await auth.signIn(jar(), { email: 'linda.park@lakeside.example.org', password: DEMO_PASSWORD, address });
		expect(blocked).toMatchObject({ ok: false, reason: 'rate_limited' });
		// The same person from another address still gets in.
		expect((await auth.signIn(jar(), { email: 'linda.park@lakeside.example.org', password: DEMO_PASSWORD, address: '10.0.0.4' })).ok).toBe(true);
	});

	it('sign out everywhere ends every session of that person, and no one else’s', async () => {
		const auth = localAuth(t.db, config);
		const laptop = jar();
		const chromebook = jar();
		const other = jar();
		await auth.signIn(laptop, { email: 'paul.jensen@lakeside.example.org', password: DEMO_PASSWORD, address: '10.0.0.5' });
		await auth.signIn(chromebook, { email: 'paul.jensen@lakeside.example.org', password: DEMO_PASSWORD, address: '10.0.0.5' });
		await auth.signIn(other, { email: 'grace.liu@lakeside.example.org', password: DEMO_PASSWORD, address: '10.0.0.5' });
		await t.db.call('sign_out_everywhere', {}, await auth.caller(laptop));
		expect(await t.db.call('me', {}, await auth.caller(chromebook))).toBeNull();
		expect(await t.db.call('me', {}, await auth.caller(laptop))).toBeNull();
		expect(await t.db.call('me', {}, await auth.caller(other))).toMatchObject({ display_name: 'Grace Liu' });
	});

	it('deactivation signs the person out at once and keeps them out', async () => {
		const auth = localAuth(t.db, config);
		const coordinator = jar();
		const student = jar();
		await auth.signIn(coordinator, { email: 'dana.whitfield@lakeside.example.org', password: DEMO_PASSWORD, address: '10.0.0.6' });
		const signedIn = await auth.signIn(student, { email: 'omar.k@lakeside.students.invalid', password: DEMO_PASSWORD, address: '10.0.0.6' });
		expect(signedIn.ok).toBe(true);
		const studentId = signedIn.ok ? signedIn.userId : '';
		await t.db.call('set_person_active', { p_user_id: studentId, p_active: false }, await auth.caller(coordinator));
		expect(await t.db.call('me', {}, await auth.caller(student))).toBeNull();
		await expect(t.db.call('home', {}, await auth.caller(student))).rejects.toMatchObject({ kind: 'unauthenticated' });
		// Signing in again fails too: the password is right but the account is off, and it says so.
		const again = await auth.signIn(jar(), { email: 'omar.k@lakeside.students.invalid', password: DEMO_PASSWORD, address: '10.0.0.7' });
		expect(again).toEqual({ ok: false, reason: 'inactive' });
		// A wrong password does not reveal that the account exists.
		const wrong = await auth.signIn(jar(), { email: 'omar.k@lakeside.students.invalid', password: 'nope-nope', address: '10.0.0.7' });
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		// A coordinator cannot switch themselves off.
		await expect(
			t.db.call('set_person_active', { p_user_id: COORDINATOR, p_active: false }, await auth.caller(coordinator))
		).rejects.toMatchObject({ kind: 'forbidden' });
	});
});
