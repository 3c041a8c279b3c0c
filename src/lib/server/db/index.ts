import { createHash, randomBytes } from 'node:crypto';
import type { ServerConfig } from '../config';
import { lockDataDir } from './lock';
import { openPglite } from './pglite';
import { postgresDb } from './postgres';
import { prepareDatabase } from './prepare';
import { supabaseDb } from './supabase';
import type { Db } from './port';

// The database handle is shared by all requests; it holds no per-user state.
let current: Db | null = null;

/** The running server's database. */
export function db(): Db {
	if (!current) throw new Error('The database has not been started');
	return current;
}

/**
 * Opens the database for the configured mode, applies migrations (and the demo school in demo
 * mode). With no school and no demo, prints a one-time setup code for /setup.
 */
export async function startDatabase(config: ServerConfig): Promise<Db> {
	if (current) return current;
	if (config.mode === 'supabase' && config.supabase) {
		// On Supabase, migrations are applied with `supabase db push`, never by the app.
		current = supabaseDb(config.supabase);
		return current;
	}
	const opened =
		config.mode === 'postgres' && config.databaseUrl
			? postgresDb(config.databaseUrl)
			: await openEmbedded(config.dataDir);
	const { applied, seeded, needsSetup } = await opened.exclusively((query, runScript) =>
		prepareDatabase(query, runScript, { demo: config.demo })
	);
	if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
	if (seeded) console.log('Loaded the demo school (Lakeside Junior High). Open /demo to try it.');
	current = opened.db;
	// The short-lived preparing process (see scripts/server.js) leaves the code to the server.
	if (needsSetup && process.env.TP_PREPARE_ONLY !== '1') await announceSetup(current, config);
	return current;
}

async function openEmbedded(dataDir: string) {
	lockDataDir(dataDir);
	return openPglite(dataDir);
}

/**
 * A new one-time setup code, stored as a hash. Servers that start together each print their own,
 * and each works until a school is set up (see the setup codes migration).
 */
async function issueSetupCode(database: Db): Promise<string> {
	const code = randomBytes(6).toString('hex').toUpperCase().replace(/(.{4})(?=.)/g, '$1-');
	await database.service('app_private.issue_setup_code', {
		p_code_hash: createHash('sha256').update(code).digest('hex')
	});
	return code;
}

async function announceSetup(database: Db, config: ServerConfig) {
	const code = await issueSetupCode(database);
	console.log(
		`\nNo school is set up yet. Open http://localhost:${config.port}/setup and enter this one-time setup code: ${code}\n`
	);
}

export { type Db, type Caller } from './port';
export { DbError } from './errors';
