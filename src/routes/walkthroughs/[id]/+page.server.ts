import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { commentOnWalkthrough, readWalkthrough, voteWalkthrough } from '$lib/server/api/walkthroughs';
import { failFrom, orErrorPage } from '$lib/server/respond';
import { formText } from '$lib/server/forms';
import { CONTENT_LANGUAGES, walkthroughDone } from '$lib/choices';
import type { Actions, PageServerLoad } from './$types';

// How to read it comes from the URL, so every way of reading works without a script and can be
// bookmarked: ?read=es&with=en&view=one&step=2. (Not ?lang=: that switches the interface language.)
const how = z.object({
	read: z.enum(CONTENT_LANGUAGES).optional().catch(undefined),
	with: z.enum(CONTENT_LANGUAGES).optional().catch(undefined),
	view: z.enum(['all', 'one']).catch('all'),
	step: z.coerce.number().int().min(1).max(50).catch(1)
});

export const load = (async ({ locals, params, url }) => {
	const h = how.parse(Object.fromEntries(url.searchParams));
	const page = await orErrorPage(readWalkthrough(locals.caller, params.id, h.read ?? locals.locale, h.with), url);
	const step = Math.min(h.step, page.version.steps.length);
	return { ...page, how: { ...h, step }, done: walkthroughDone(url.searchParams.get('done')) };
}) satisfies PageServerLoad;

export const actions = {
	vote: async ({ request, locals, params, url }) => {
		const helpful = (await request.formData()).get('helpful') === 'yes';
		try {
			await voteWalkthrough(locals.caller, params.id, helpful);
		} catch (e) {
			return failFrom(e);
		}
		redirect(303, `/walkthroughs/${params.id}?${keep(url)}done=walkthrough.thanks_vote#helpful`);
	},
	comment: async ({ request, locals, params, url }) => {
		const body = formText((await request.formData()).get('comment')).trim();
		if (body.length < 1 || body.length > 1000) return { values: { comment: body }, errors: { comment: 'walkthrough.bad_comment' } };
		try {
			await commentOnWalkthrough(locals.caller, params.id, body);
		} catch (e) {
			return failFrom(e, { comment: body });
		}
		redirect(303, `/walkthroughs/${params.id}?${keep(url)}done=walkthrough.thanks_comment#helpful`);
	}
} satisfies Actions;

/** The reading choices survive a vote or a comment. */
function keep(url: URL): string {
	const params = new URLSearchParams();
	for (const key of ['read', 'with', 'view', 'step']) {
		const value = url.searchParams.get(key);
		if (value) params.set(key, value);
	}
	const s = params.toString();
	return s ? `${s}&` : '';
}
