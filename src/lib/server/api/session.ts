import { z } from 'zod';
import { db, type Caller } from '../db';
import { me } from './shapes';
import { requestCard } from './help-views';

/** A walkthrough as one line of a task list. */
const guideItem = z.object({ id: z.uuid(), status: z.string(), title: z.string().nullable(), language: z.string(), tool: z.string().nullable() });
export type GuideItem = z.infer<typeof guideItem>;

const home = z.object({
	me,
	coordinator: z
		.object({
			students: z.number(),
			adults: z.number(),
			deactivated: z.number(),
			open_invites: z.number(),
			expiring_invites: z.number(),
			unverified: z.number()
		})
		.nullable(),
	mentor: z.object({ open_requests: z.number(), mine: z.array(requestCard) }).nullable(),
	teacher: z.object({ active: z.array(requestCard) }).nullable(),
	guides: z.object({ to_review_count: z.number(), to_review: z.array(guideItem), to_fix: z.array(guideItem) })
});
export type Home = z.infer<typeof home>;

/** The signed-in person, or null for a visitor. */
export async function currentPerson(caller: Caller) {
	if (!caller) return null;
	return me.nullable().parse(await db().call('me', {}, caller));
}

/** What needs this person's attention, by role. */
export async function homeFor(caller: Caller): Promise<Home> {
	return home.parse(await db().call('home', {}, caller));
}

export async function signOutEverywhere(caller: Caller): Promise<void> {
	await db().call('sign_out_everywhere', {}, caller);
}
