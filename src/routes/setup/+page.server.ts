import { error, redirect } from '@sveltejs/kit';
import { needsSetup, setUpSchool } from '$lib/server/api/setup';
import { auth } from '$lib/server/auth';
import { withNewLogin } from '$lib/server/api/logins';
import { parseForm } from '$lib/server/forms';
import { failFrom } from '$lib/server/respond';
import { setupSchema } from '$lib/schemas/people';
import type { Actions, PageServerLoad } from './$types';

// First run with no demo: shown only while the database has no school at all.
export const load = (async () => {
	if (!(await needsSetup())) error(404, { message: 'errors.page_not_found' });
	return { timeZones: Intl.supportedValuesOf('timeZone') };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies }) => {
		const parsed = parseForm(setupSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const s = parsed.data;
		const keep = { school_name: s.school_name, school_code: s.school_code, time_zone: s.time_zone, display_name: s.display_name, email: s.email };
		try {
			const { user_id } = await withNewLogin(s.email, s.password, (login) =>
				setUpSchool({
					setupCode: s.setup_code,
					schoolName: s.school_name,
					schoolCode: s.school_code,
					timeZone: s.time_zone,
					displayName: s.display_name,
					email: s.email,
					passwordHash: login.passwordHash,
					userId: login.userId
				})
			);
			await auth().startSession(cookies, user_id, s.password, s.email);
		} catch (e) {
			return failFrom(e, keep);
		}
		redirect(303, '/home');
	}
} satisfies Actions;
