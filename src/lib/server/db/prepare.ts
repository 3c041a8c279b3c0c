import { migrate, type Query, type RunScript } from './migrate';
import { demoSeed, migrationFiles, shimFiles } from './sql-files';

/**
 * Brings a non-Supabase database up to date: the Supabase shim, then supabase/migrations, then
 * (in demo mode, on a database with no school yet) the demo school. Returns what it did.
 */
export async function prepareDatabase(
	query: Query,
	runScript: RunScript,
	options: { demo: boolean }
): Promise<{ applied: string[]; seeded: boolean; needsSetup: boolean }> {
	const applied = await migrate(query, runScript, [...shimFiles, ...migrationFiles]);
	const [{ empty }] = await query('select not exists (select from public.schools) as empty');
	let seeded = false;
	if (empty && options.demo) {
		await runScript(demoSeed);
		seeded = true;
	}
	return { applied, seeded, needsSetup: Boolean(empty) && !seeded };
}
