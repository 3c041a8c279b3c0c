import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { postHelpRequest } from '$lib/server/api/help-requests';
import { toolsCatalog } from '$lib/server/api/help-views';
import { keepValues, parseForm } from '$lib/server/forms';
import { failFrom, orErrorPage } from '$lib/server/respond';
import { newRequestSchema } from '$lib/schemas/help';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const { me, tools } = await orErrorPage(toolsCatalog(locals.caller), url);
	// One id per form: a double-clicked submit sends it twice and still makes one request.
	return { me, tools, submissionId: randomUUID(), toolId: url.searchParams.get('tool') ?? '' };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals }) => {
		const parsed = parseForm(newRequestSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const r = parsed.data;
		let id: string;
		try {
			({ id } = await postHelpRequest(locals.caller, {
				submissionId: r.submission_id,
				toolId: r.tool_id,
				goal: r.goal,
				subject: r.subject,
				grade: r.grade,
				learnerFlags: r.learner_flags,
				languages: r.languages,
				availableDays: r.available_days,
				availableTimes: r.available_times,
				urgency: r.urgency,
				isPrivate: r.is_private === 'on'
			}));
		} catch (e) {
			return failFrom(e, keepValues(r));
		}
		redirect(303, `/help/${id}?posted=1`);
	}
} satisfies Actions;
