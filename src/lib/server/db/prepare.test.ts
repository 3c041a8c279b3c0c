import { describe, expect, it } from 'vitest';
import { testTargets } from './testing';

describe.each(testTargets())('database on $target', ({ open }) => {
	it('migrates, seeds the demo school and answers api.me as a demo teacher', async () => {
		const t = await open();
		try {
			const me = (await t.db.call('me', {}, {
				kind: 'claims',
				claims: { sub: '20000000-0000-4000-8000-000000000003', role: 'authenticated' }
			})) as { display_name: string; roles: string[] };
			expect(me.display_name).toBe('Marcus Bell');
			expect(me.roles).toEqual(['teacher']);
			const anon = await t.db.call('me', {}, null);
			expect(anon).toBeNull();
		} finally {
			await t.close();
		}
	});

	// Each call sets the caller's role in the same statement (sql-call.ts): the rules must apply
	// to the call, and the role must end with it.
	it('runs each call as its caller, under row level security, and leaves nothing behind', async () => {
		const t = await open();
		const marcus = { kind: 'claims', claims: { sub: '20000000-0000-4000-8000-000000000003', role: 'authenticated' } } as const;
		try {
			const own = (await t.db.call('help_request', { p_request_id: 'd0000000-0000-4000-8000-000000000001' }, marcus)) as {
				request: { teacher: string };
			};
			expect(own.request.teacher).toBe('Marcus Bell');
			// Another teacher's request is hidden from him by RLS, so the function cannot find it.
			await expect(
				t.db.call('help_request', { p_request_id: 'd0000000-0000-4000-8000-000000000002' }, marcus)
			).rejects.toMatchObject({ key: 'request.not_found' });
			const [after] = await t.query(
				`select current_user as role, coalesce(current_setting('request.jwt.claim.sub', true), '') as sub`
			);
			expect(after.role).not.toBe('authenticated');
			expect(after.sub).toBe('');
		} finally {
			await t.close();
		}
	});
});
