import { createInvite, listSchoolPeople, revokeInvite } from '$lib/server/api/people';
import { hashToken, newToken } from '$lib/server/auth/tokens';
import { parseForm } from '$lib/server/forms';
import { failFrom, orErrorPage } from '$lib/server/respond';
import { inviteSchema } from '$lib/schemas/people';
import { z } from 'zod';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const { me, invites } = await orErrorPage(listSchoolPeople(locals.caller), url);
	return { me, invites };
}) satisfies PageServerLoad;

export const actions = {
	invite: async ({ request, locals, url }) => {
		const parsed = parseForm(inviteSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const token = newToken();
		try {
			const invite = await createInvite(locals.caller, parsed.data.email, parsed.data.role, hashToken(token));
			// The link is the credential: shown once to the coordinator, stored only as a hash.
			return { link: `${url.origin}/invite/${token}`, email: parsed.data.email, expires_at: invite.expires_at };
		} catch (e) {
			return failFrom(e, parsed.data);
		}
	},
	revoke: async ({ request, locals }) => {
		const id = z.uuid().safeParse((await request.formData()).get('invite_id')?.toString());
		if (!id.success) return fail(400, { message: 'invite.not_found' });
		try {
			await revokeInvite(locals.caller, id.data);
		} catch (e) {
			return failFrom(e);
		}
		return { revoked: true };
	}
} satisfies Actions;
