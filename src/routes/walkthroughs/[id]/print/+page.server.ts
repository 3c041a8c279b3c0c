import { z } from 'zod';
import { readWalkthrough } from '$lib/server/api/walkthroughs';
import { orErrorPage } from '$lib/server/respond';
import { CONTENT_LANGUAGES } from '$lib/choices';
import type { PageServerLoad } from './$types';

const how = z.object({
	read: z.enum(CONTENT_LANGUAGES).optional().catch(undefined),
	paper: z.enum(['a4', 'letter']).catch('a4')
});

export const load = (async ({ locals, params, url }) => {
	const h = how.parse(Object.fromEntries(url.searchParams));
	const page = await orErrorPage(readWalkthrough(locals.caller, params.id, h.read ?? locals.locale), url);
	return { ...page, paper: h.paper };
}) satisfies PageServerLoad;
