import { homeFor } from '$lib/server/api/session';
import { orErrorPage } from '$lib/server/respond';
import type { PageServerLoad } from './$types';

// One API call: who you are and what needs your attention.
export const load = (async ({ locals, url }) => orErrorPage(homeFor(locals.caller), url)) satisfies PageServerLoad;
