import { listSchoolPeople, createStudent } from '$lib/server/api/people';
import { withNewLogin } from '$lib/server/api/logins';
import { currentPerson } from '$lib/server/api/session';
import { studentEmail } from '$lib/people';
import { friendlyPassword } from '$lib/server/auth/tokens';
import { parseForm } from '$lib/server/forms';
import { failFrom, orErrorPage } from '$lib/server/respond';
import { studentSchema } from '$lib/schemas/people';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const { me } = await orErrorPage(listSchoolPeople(locals.caller), url);
	return { me, schoolCode: me.school.code };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals }) => {
		const parsed = parseForm(studentSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const s = parsed.data;
		const password = s.password || friendlyPassword();
		try {
			const me = await currentPerson(locals.caller);
			const created = await withNewLogin(studentEmail(me?.school.code ?? '', s.username), password, (login) =>
				createStudent(locals.caller, {
					username: s.username,
					displayName: s.display_name,
					languages: s.languages,
					passwordHash: login.passwordHash,
					userId: login.userId
				})
			);
			// Shown once, for the coordinator to print or write on a slip; never stored in clear.
			return { created: { ...created, display_name: s.display_name, password } };
		} catch (e) {
			return failFrom(e, { display_name: s.display_name, username: s.username, languages: s.languages.join(',') });
		}
	}
} satisfies Actions;
