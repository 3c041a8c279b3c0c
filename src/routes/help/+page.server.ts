import { myHelpRequests } from '$lib/server/api/help-views';
import { orErrorPage } from '$lib/server/respond';
import type { PageServerLoad } from './$types';

// A teacher's own requests, newest first.
export const load = (async ({ locals, url }) => orErrorPage(myHelpRequests(locals.caller), url)) satisfies PageServerLoad;
