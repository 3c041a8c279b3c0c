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
});
