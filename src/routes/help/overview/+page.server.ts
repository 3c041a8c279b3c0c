import { z } from 'zod';
import { setHelpTargets, verifySessionLog } from '$lib/server/api/help-requests';
import { helpOverview } from '$lib/server/api/help-views';
import { parseForm } from '$lib/server/forms';
import { failFrom, orErrorPage } from '$lib/server/respond';
import { logIdSchema, targetsSchema } from '$lib/schemas/help';
import type { Actions, PageServerLoad } from './$types';

const query = z.object({
	view: z.enum(['overdue', 'active', 'all', 'unverified']).catch('overdue'),
	page: z.coerce.number().int().min(1).max(400).catch(1)
});

// The coordinator's overview of every request: overdue against the school's targets first.
export const load = (async ({ locals, url }) => {
	const q = query.parse({ view: url.searchParams.get('view') ?? undefined, page: url.searchParams.get('page') ?? undefined });
	return orErrorPage(helpOverview(locals.caller, q.view, q.page), url);
}) satisfies PageServerLoad;

export const actions = {
	targets: async ({ request, locals }) => {
		const parsed = parseForm(targetsSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			await setHelpTargets(locals.caller, parsed.data.claim_days, parsed.data.resolve_days);
		} catch (e) {
			return failFrom(e, { claim_days: String(parsed.data.claim_days), resolve_days: String(parsed.data.resolve_days) });
		}
		return { done: 'overview.targets_saved' };
	},
	verify: async ({ request, locals }) => {
		const parsed = parseForm(logIdSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			await verifySessionLog(locals.caller, parsed.data.log_id);
		} catch (e) {
			return failFrom(e);
		}
		return { done: 'help.verified_done' };
	}
} satisfies Actions;
