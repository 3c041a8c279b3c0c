import { createHash } from 'node:crypto';
import { z } from 'zod';
import { db } from '../db';

// Once a school exists it never stops existing (the app deletes no schools), so after the first
// "no" the public pages answer without a database round trip.
let schoolExists = false;

export async function needsSetup(): Promise<boolean> {
	if (schoolExists) return false;
	const needs = z.object({ needs_setup: z.boolean() }).parse(await db().call('setup_status', {}, null)).needs_setup;
	schoolExists = !needs;
	return needs;
}

export interface NewSchool {
	setupCode: string;
	schoolName: string;
	schoolCode: string;
	timeZone: string;
	displayName: string;
	email: string;
	passwordHash: string | null;
	userId?: string;
}

/** Creates the school and its first coordinator, once, with the code the server printed. */
export async function setUpSchool(s: NewSchool): Promise<{ user_id: string }> {
	const result = await db().call(
		'setup_school',
		{
			p_code_hash: createHash('sha256').update(s.setupCode).digest('hex'),
			p_school_name: s.schoolName,
			p_school_code: s.schoolCode,
			p_time_zone: s.timeZone,
			p_display_name: s.displayName,
			p_email: s.email,
			p_password_hash: s.passwordHash,
			p_user_id: s.userId
		},
		null
	);
	return z.object({ user_id: z.uuid() }).parse(result);
}
