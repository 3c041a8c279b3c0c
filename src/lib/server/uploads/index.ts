// Where screenshots live in this run mode: files under DATA_DIR/uploads for the embedded database
// and PostgreSQL, a private Storage bucket for Supabase (read with the service role and served by
// the app's own /screenshots route, so the bucket never needs to be public).
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import type { ServerConfig } from '../config';
import { fileStore, supabaseStore, type ScreenshotStore } from './storage';

let store: ScreenshotStore | null = null;

export function startScreenshots(config: ServerConfig): void {
	if (config.mode === 'supabase' && config.supabase?.serviceRoleKey) {
		const admin = createClient(config.supabase.url, config.supabase.serviceRoleKey, {
			auth: { persistSession: false, autoRefreshToken: false }
		});
		store = supabaseStore(admin);
	} else {
		store = fileStore(path.join(config.dataDir, 'uploads'));
	}
}

export function screenshots(): ScreenshotStore {
	if (!store) throw new Error('Screenshots are not started: startScreenshots() runs in hooks.server.ts init');
	return store;
}

export { prepareScreenshot, ScreenshotError, MAX_UPLOAD_BYTES, type Redaction } from './screenshots';
