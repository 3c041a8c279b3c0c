import { redirect } from '@sveltejs/kit';
import { currentPerson, signOutEverywhere } from '$lib/server/api/session';
import { updateMyProfile } from '$lib/server/api/profile';
import { auth } from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import { failFrom, orErrorPage } from '$lib/server/respond';
import { profileSchema } from '$lib/schemas/people';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const me = await orErrorPage(currentPerson(locals.caller), url);
	if (!me) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	return { me };
}) satisfies PageServerLoad;

export const actions = {
	profile: async ({ request, locals }) => {
		const parsed = parseForm(profileSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			await updateMyProfile(locals.caller, parsed.data.display_name, parsed.data.languages);
		} catch (e) {
			return failFrom(e, { display_name: parsed.data.display_name });
		}
		return { saved: 'account.saved' };
	},
	// Ends every session of this person, on every Chromebook, including this one.
	everywhere: async ({ locals, cookies }) => {
		await signOutEverywhere(locals.caller);
		await auth().signOut(cookies);
		redirect(303, '/login?signed_out=everywhere');
	}
} satisfies Actions;
