import path from 'node:path';

/** Everything the server reads from its environment, in one place. */
export interface ServerConfig {
	mode: 'embedded' | 'postgres' | 'supabase';
	dataDir: string;
	databaseUrl?: string;
	supabase?: { url: string; anonKey: string; serviceRoleKey?: string };
	demo: boolean;
	signIn: { accountLimit: number; addressLimit: number; windowSeconds: number };
	sessionHours: number;
	port: string;
}

const int = (value: string | undefined, fallback: number) => {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : fallback;
};

export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
	const mode = env.PUBLIC_SUPABASE_URL ? 'supabase' : env.DATABASE_URL ? 'postgres' : 'embedded';
	return {
		mode,
		dataDir: path.resolve(env.DATA_DIR || '.data/db'),
		databaseUrl: env.DATABASE_URL,
		supabase: env.PUBLIC_SUPABASE_URL
			? {
					url: env.PUBLIC_SUPABASE_URL,
					anonKey: env.PUBLIC_SUPABASE_ANON_KEY ?? '',
					serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY
				}
			: undefined,
		// Demo data is on by default only where it cannot hurt: the embedded database.
		demo: env.DEMO ? env.DEMO !== 'off' : mode === 'embedded',
		signIn: {
			accountLimit: int(env.SIGNIN_ACCOUNT_LIMIT, 5),
			addressLimit: int(env.SIGNIN_ADDRESS_LIMIT, 100),
			windowSeconds: int(env.SIGNIN_WINDOW_SECONDS, 15 * 60)
		},
		sessionHours: int(env.SESSION_HOURS, 12),
		port: env.PORT || '3000'
	};
}
