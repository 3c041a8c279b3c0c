import { z } from 'zod';
import { db, type Caller } from '../db';
import { me, role } from './shapes';

const person = z.object({
	user_id: z.uuid(),
	display_name: z.string(),
	username: z.string().nullable(),
	preferred_languages: z.array(z.string()),
	deactivated: z.boolean(),
	roles: z.array(role)
});
const invite = z.object({
	id: z.uuid(),
	email: z.string(),
	role,
	expires_at: z.string(),
	status: z.enum(['open', 'accepted', 'revoked', 'expired'])
});
const schoolPeople = z.object({
	me,
	people: z.array(person),
	invites: z.array(invite),
	total: z.number(),
	page: z.number(),
	page_size: z.number()
});
export type SchoolPeople = z.infer<typeof schoolPeople>;

/** One page (50) of the people at the coordinator's school, optionally searched, and recent invites. */
export async function listSchoolPeople(
	caller: Caller,
	options: { query?: string; page?: number; userId?: string } = {}
): Promise<SchoolPeople> {
	const result = await db().call(
		'school_people',
		{ p_query: options.query || undefined, p_page: options.page, p_user_id: options.userId },
		caller
	);
	return schoolPeople.parse(result);
}

export interface NewStudent {
	username: string;
	displayName: string;
	languages: string[];
	passwordHash: string | null;
	userId?: string;
}

/** Creates a student mentor's account at the coordinator's school. */
export async function createStudent(caller: Caller, s: NewStudent): Promise<{ user_id: string; username: string }> {
	const result = await db().call(
		'create_student',
		{
			p_username: s.username,
			p_display_name: s.displayName,
			p_languages: s.languages,
			p_password_hash: s.passwordHash,
			p_user_id: s.userId
		},
		caller
	);
	return z.object({ user_id: z.uuid(), username: z.string() }).parse(result);
}

/** Sets a new password (when hashed locally) and signs the student out everywhere. */
export async function resetStudentPassword(caller: Caller, userId: string, passwordHash: string | null) {
	await db().call('reset_student_password', { p_user_id: userId, p_password_hash: passwordHash }, caller);
}

/** Deactivating also ends every session of that person at once. */
export async function setPersonActive(caller: Caller, userId: string, active: boolean) {
	await db().call('set_person_active', { p_user_id: userId, p_active: active }, caller);
}

export async function createInvite(caller: Caller, email: string, inviteRole: string, tokenHash: string) {
	const result = await db().call(
		'create_invite',
		{ p_email: email, p_role: inviteRole, p_token_hash: tokenHash, p_valid_days: 7 },
		caller
	);
	return z.object({ id: z.uuid(), expires_at: z.string() }).parse(result);
}

export async function revokeInvite(caller: Caller, inviteId: string) {
	await db().call('revoke_invite', { p_invite_id: inviteId }, caller);
}

const invitePreviewShape = z.object({ school_name: z.string(), email: z.string(), role, usable: z.boolean() });

/** What an invite link offers, for whoever holds it. */
export async function previewInvite(tokenHash: string) {
	return invitePreviewShape.parse(await db().call('invite_preview', { p_token_hash: tokenHash }, null));
}

export async function acceptInvite(tokenHash: string, displayName: string, passwordHash: string | null, userId?: string) {
	const result = await db().call(
		'accept_invite',
		{ p_token_hash: tokenHash, p_display_name: displayName, p_password_hash: passwordHash, p_user_id: userId },
		null
	);
	return z.object({ user_id: z.uuid() }).parse(result);
}
