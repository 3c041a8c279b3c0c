import { fail, redirect } from '@sveltejs/kit';
import { acceptInvite, previewInvite } from '$lib/server/api/people';
import { auth } from '$lib/server/auth';
import { withNewLogin } from '$lib/server/api/logins';
import { hashToken } from '$lib/server/auth/tokens';
import { DbError } from '$lib/server/db/errors';
import { parseForm } from '$lib/server/forms';
import { failFrom } from '$lib/server/respond';
import { acceptInviteSchema } from '$lib/schemas/people';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params }) => {
	try {
		return { invite: await previewInvite(hashToken(params.token)) };
	} catch (e) {
		if (e instanceof DbError && e.kind === 'not_found') return { invite: null };
		throw e;
	}
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, params, cookies }) => {
		const parsed = parseForm(acceptInviteSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const { display_name, password } = parsed.data;
		let userId: string;
		try {
			const invite = await previewInvite(hashToken(params.token));
			userId = (
				await withNewLogin(invite.email, password, (login) =>
					acceptInvite(hashToken(params.token), display_name, login.passwordHash, login.userId)
				)
			).user_id;
			await auth().startSession(cookies, userId, password, invite.email);
		} catch (e) {
			if (e instanceof DbError && e.kind === 'not_found') return fail(404, { message: 'invite.not_found', values: { display_name } });
			return failFrom(e, { display_name });
		}
		redirect(303, '/home');
	}
} satisfies Actions;
