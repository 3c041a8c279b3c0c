import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { claimHelpRequest } from '$lib/server/api/help-requests';
import { helpQueue } from '$lib/server/api/help-views';
import { failFrom, orErrorPage } from '$lib/server/respond';
import { DAYS } from '$lib/choices';
import type { Actions, PageServerLoad } from './$types';

// Filters come from the URL (a GET form), so a filtered queue can be bookmarked and reloaded.
const filters = z.object({
	tool: z.uuid().optional().catch(undefined),
	language: z.string().regex(/^[a-z]{2,3}$/).optional().catch(undefined),
	day: z.enum(DAYS).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(400).optional().catch(undefined)
});

export const load = (async ({ locals, url }) => {
	const f = filters.parse(Object.fromEntries(url.searchParams));
	const queue = await orErrorPage(helpQueue(locals.caller, { toolId: f.tool, language: f.language, day: f.day, page: f.page }), url);
	return { ...queue, filters: f };
}) satisfies PageServerLoad;

export const actions = {
	// One click from the queue; on success the mentor lands on the request to propose a time.
	claim: async ({ request, locals }) => {
		const id = (await request.formData()).get('request_id')?.toString() ?? '';
		if (!z.uuid().safeParse(id).success) return fail(404, { message: 'request.not_found' });
		try {
			await claimHelpRequest(locals.caller, id);
		} catch (e) {
			return failFrom(e, { request_id: id });
		}
		redirect(303, `/help/${id}?claimed=1`);
	}
} satisfies Actions;
