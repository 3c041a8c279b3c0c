import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_FUNCTIONS } from './api-functions';
import { freshPglite, type TestDatabase } from './testing';
import type { ApiFunctionName } from './api-functions';

describe('the known API', () => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await freshPglite();
	});
	afterAll(() => t.close());

	it('lists exactly the functions in schema api', async () => {
		const rows = await t.query(
			`select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'api' order by 1`
		);
		expect(rows.map((r) => r.proname)).toEqual([...API_FUNCTIONS].sort());
	});

	it('refuses an unknown function or an argument name that could smuggle SQL, before reaching the database', async () => {
		await expect(t.db.call('pg_sleep' as ApiFunctionName, {}, null)).rejects.toThrow('Unknown database function: pg_sleep');
		await expect(t.db.call('me', { 'p_x => 1); drop table public.schools; --': 1 }, null)).rejects.toThrow('Bad argument name');
		expect(await t.query(`select to_regclass('public.schools') is not null as ok`)).toEqual([{ ok: true }]);
	});

	it('binds argument values, so quotes in them are only data', async () => {
		const preview = t.db.call('invite_preview', { p_token_hash: "x'); delete from public.schools; --" }, null);
		await expect(preview).rejects.toMatchObject({ kind: 'not_found', key: 'invite.not_found' });
		expect(await t.query('select count(*)::int as n from public.schools')).toEqual([{ n: 1 }]);
	});

	it('runs every call as anon or authenticated, never as the connecting superuser', async () => {
		// A superuser would see every row regardless of RLS; anon sees no profiles at all.
		await expect(t.db.call('school_people', {}, null)).rejects.toMatchObject({ kind: 'unauthenticated' });
		const asTeacher = t.db.call('school_people', {}, {
			kind: 'claims',
			claims: { sub: '20000000-0000-4000-8000-000000000003', role: 'authenticated' }
		});
		await expect(asTeacher).rejects.toMatchObject({ kind: 'forbidden' });
	});
});
