import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { listSchoolPeople, resetStudentPassword, setPersonActive } from '$lib/server/api/people';
import { auth } from '$lib/server/auth';
import { friendlyPassword } from '$lib/server/auth/tokens';
import { failFrom, orErrorPage } from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	if (!z.uuid().safeParse(params.userId).success) error(404, { message: 'errors.page_not_found' });
	const { me, people } = await orErrorPage(listSchoolPeople(locals.caller, { userId: params.userId }), url);
	const person = people[0];
	if (!person) error(404, { message: 'errors.page_not_found' });
	return { me, person, schoolCode: me.school.code };
}) satisfies PageServerLoad;

export const actions = {
	reset: async ({ locals, params }) => {
		if (!z.uuid().safeParse(params.userId).success) return fail(404, { message: 'people.not_found' });
		const password = friendlyPassword();
		try {
			await resetStudentPassword(locals.caller, params.userId, await auth().preparePassword(params.userId, password));
		} catch (e) {
			return failFrom(e);
		}
		return { password };
	},
	deactivate: async ({ locals, params }) => setActive(locals.caller, params.userId, false),
	reactivate: async ({ locals, params }) => setActive(locals.caller, params.userId, true)
} satisfies Actions;

async function setActive(caller: App.Locals['caller'], userId: string, active: boolean) {
	if (!z.uuid().safeParse(userId).success) return fail(404, { message: 'people.not_found' });
	try {
		await setPersonActive(caller, userId, active);
	} catch (e) {
		return failFrom(e);
	}
	return { changed: active ? 'people.reactivated' : 'people.deactivated_done' };
}
