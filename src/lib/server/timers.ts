// Reminders and auto-close for help requests waiting on a teacher. The rules (school days, 3 then
// 5) live in app_private.run_help_request_timers; this only runs it every few minutes.
import { runHelpRequestTimers } from './api/help-requests';
import type { Db } from './db';

const EVERY_MS = 10 * 60 * 1000;

export function startHelpRequestTimers(database: Db): void {
	// Supabase mode has no service connection here: schedule the function with pg_cron there.
	if (database.mode === 'supabase') return;
	const run = () =>
		runHelpRequestTimers().catch((error: unknown) => console.error('Help request reminders could not run:', error));
	setTimeout(() => void run(), 5_000).unref();
	setInterval(() => void run(), EVERY_MS).unref();
}
