import { z } from 'zod';

export const role = z.enum(['student_mentor', 'teacher', 'researcher', 'coordinator']);
export type Role = z.infer<typeof role>;

/** The signed-in person, as every page's API call returns it. */
export const me = z.object({
	user_id: z.uuid(),
	display_name: z.string(),
	username: z.string().nullable(),
	preferred_languages: z.array(z.string()),
	interface_language: z.string().nullable().optional(),
	reading_preferences: z.record(z.string(), z.unknown()),
	roles: z.array(role),
	school: z.object({ id: z.uuid(), name: z.string(), code: z.string(), time_zone: z.string(), is_demo: z.boolean() }),
	/** Unread notifications, counted up to 100, for the bell. */
	unread: z.number().optional()
});
export type Me = z.infer<typeof me>;
