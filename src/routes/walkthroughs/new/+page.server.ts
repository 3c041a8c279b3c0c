import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { startWalkthrough } from '$lib/server/api/walkthroughs';
import { toolsCatalog } from '$lib/server/api/help-views';
import { keepValues, parseForm } from '$lib/server/forms';
import { failFrom, orErrorPage } from '$lib/server/respond';
import { CONTENT_LANGUAGES } from '$lib/choices';
import type { Actions, PageServerLoad } from './$types';

const newWalkthrough = z.object({
	submission_id: z.uuid('form.invalid'),
	tool_id: z.uuid('walkthrough.choose_tool'),
	language: z.enum(CONTENT_LANGUAGES, 'walkthrough.bad_language'),
	title: z.string().trim().min(3, 'walkthrough.bad_title').max(120, 'walkthrough.bad_title'),
	from_request_id: z.union([z.uuid(), z.literal('')]).optional()
});

export const load = (async ({ locals, url }) => {
	const { me, tools } = await orErrorPage(toolsCatalog(locals.caller), url);
	// A finished help request can become a draft: its tool and goal are filled in by the database.
	const from = z.uuid().safeParse(url.searchParams.get('from'));
	return {
		me,
		tools,
		submissionId: randomUUID(),
		fromRequestId: from.success ? from.data : '',
		toolId: url.searchParams.get('tool') ?? ''
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		// Started from a request, the tool comes from the request: any listed tool will do here.
		const parsed = parseForm(newWalkthrough, form);
		if (!parsed.ok) return parsed.failure;
		const w = parsed.data;
		let id: string;
		try {
			({ id } = await startWalkthrough(locals.caller, {
				submissionId: w.submission_id,
				toolId: w.tool_id,
				language: w.language,
				title: w.title,
				fromRequestId: w.from_request_id || undefined
			}));
		} catch (e) {
			return failFrom(e, keepValues(w));
		}
		redirect(303, `/walkthroughs/${id}/edit`);
	}
} satisfies Actions;
