import { describe, expect, it } from 'vitest';
import { migrate, MigrationEditedError } from './migrate';
import { openPglite } from './pglite';

describe('migrations runner', () => {
	it('applies files in order once, records them, and refuses a file edited after it was applied', async () => {
		const e = await openPglite();
		try {
			const files = [
				{ name: 'migrations/001_a.sql', sql: 'create table a (id int primary key);' },
				{ name: 'migrations/002_b.sql', sql: 'create table b (id int references a (id));' }
			];
			expect(await migrate(e.query, e.runScript, files)).toEqual(['migrations/001_a.sql', 'migrations/002_b.sql']);
			expect(await migrate(e.query, e.runScript, files)).toEqual([]);
			const applied = await e.query('select name from app_meta.applied_migrations order by name');
			expect(applied.map((r) => r.name)).toEqual(['migrations/001_a.sql', 'migrations/002_b.sql']);

			const edited = [{ ...files[0], sql: 'create table a (id bigint primary key);' }, files[1]];
			const refusal = migrate(e.query, e.runScript, edited);
			await expect(refusal).rejects.toBeInstanceOf(MigrationEditedError);
			await expect(refusal).rejects.toThrow('Migration migrations/001_a.sql was changed after it was applied');
		} finally {
			await e.pg.close();
		}
	});

	it('rolls back a failing migration whole, so a fixed file can be applied later', async () => {
		const e = await openPglite();
		try {
			const broken = [{ name: 'm/001.sql', sql: 'create table t (id int); select no_such_function();' }];
			await expect(migrate(e.query, e.runScript, broken)).rejects.toThrow(/no_such_function/);
			expect(await e.query(`select to_regclass('public.t') as t`)).toEqual([{ t: null }]);
			const fixed = [{ name: 'm/001.sql', sql: 'create table t (id int);' }];
			expect(await migrate(e.query, e.runScript, fixed)).toEqual(['m/001.sql']);
		} finally {
			await e.pg.close();
		}
	});
});
