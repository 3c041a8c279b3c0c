import { createClient } from '@supabase/supabase-js';
import type { ServerConfig } from '../config';

// The service-role key is used here, to create and change logins in Supabase Auth, and by
// $lib/server/uploads to keep screenshots in a private Storage bucket.
// The database still decides who may do it (api.create_student, api.accept_invite, ...), and
// every call here is followed by such an api call made as the signed-in person.

function admin(config: ServerConfig) {
	const { url, serviceRoleKey } = config.supabase!;
	if (!serviceRoleKey) throw new Error('SUPABASE_SERVICE_ROLE_KEY is needed to create accounts in Supabase mode');
	return createClient(url, serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false } }).auth.admin;
}

/** Creates a confirmed login; students' addresses are the reserved .invalid ones. */
export async function createAuthUser(config: ServerConfig, email: string, password: string): Promise<string> {
	const { data, error } = await admin(config).createUser({ email, password, email_confirm: true });
	if (error || !data.user) throw Object.assign(new Error('auth.create_failed'), { code: 'PT409', hint: 'people.account_taken' });
	return data.user.id;
}

export async function deleteAuthUser(config: ServerConfig, userId: string): Promise<void> {
	await admin(config).deleteUser(userId);
}

export async function setAuthPassword(config: ServerConfig, userId: string, password: string): Promise<void> {
	const { error } = await admin(config).updateUserById(userId, { password });
	if (error) throw new Error('Supabase Auth refused the new password');
}
