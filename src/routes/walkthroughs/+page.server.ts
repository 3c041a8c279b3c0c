import { z } from 'zod';
import { walkthroughLibrary } from '$lib/server/api/walkthroughs';
import { orErrorPage } from '$lib/server/respond';
import { CONTENT_LANGUAGES } from '$lib/choices';
import type { PageServerLoad } from './$types';

// Filters come from the URL (a GET form), so a search can be bookmarked and works without a script.
const filters = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	language: z.enum(CONTENT_LANGUAGES).optional().catch(undefined),
	tool: z.uuid().optional().catch(undefined),
	difficulty: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(200).optional().catch(undefined)
});

export const load = (async ({ locals, url }) => {
	const f = filters.parse(Object.fromEntries(url.searchParams));
	const library = await orErrorPage(
		walkthroughLibrary(locals.caller, { query: f.q || undefined, language: f.language, toolId: f.tool, difficulty: f.difficulty, page: f.page }),
		url
	);
	return { ...library, filters: f };
}) satisfies PageServerLoad;
