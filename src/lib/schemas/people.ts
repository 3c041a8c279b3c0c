import { z } from 'zod';
import { displayName, email, languages, newPassword, schoolCode } from './fields';
import { username } from './fields';

export const studentSchema = z.object({
	display_name: displayName,
	username,
	languages,
	// Empty means "make one up": the coordinator prints it on a slip.
	password: z.union([z.literal(''), newPassword]).optional()
});

export const inviteSchema = z.object({
	email,
	role: z.enum(['teacher', 'researcher', 'coordinator'], { error: 'form.bad_role' })
});

export const acceptInviteSchema = z
	.object({
		display_name: displayName,
		password: newPassword,
		password_again: z.string()
	})
	.refine((v) => v.password === v.password_again, { message: 'form.passwords_differ', path: ['password_again'] });

export const setupSchema = z
	.object({
		setup_code: z.string().trim().toUpperCase().min(1, 'form.required'),
		school_name: z.string().trim().min(2, 'form.too_short').max(120, 'form.too_long'),
		school_code: schoolCode,
		time_zone: z.string().trim().min(1, 'form.required'),
		display_name: displayName,
		email,
		password: newPassword,
		password_again: z.string()
	})
	.refine((v) => v.password === v.password_again, { message: 'form.passwords_differ', path: ['password_again'] });

export const profileSchema = z.object({ display_name: displayName, languages });

export { schoolCode };
