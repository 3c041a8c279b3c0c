import { addTool } from '$lib/server/api/help-requests';
import { toolsCatalog } from '$lib/server/api/help-views';
import { parseForm } from '$lib/server/forms';
import { failFrom, orErrorPage } from '$lib/server/respond';
import { toolSchema } from '$lib/schemas/help';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => orErrorPage(toolsCatalog(locals.caller), url)) satisfies PageServerLoad;

export const actions = {
	add: async ({ request, locals }) => {
		const parsed = parseForm(toolSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const tool = { name: parsed.data.name, category: parsed.data.category, url: parsed.data.url ?? '', icon: '' };
		try {
			await addTool(locals.caller, tool);
		} catch (e) {
			return failFrom(e, tool);
		}
		return { done: 'tools.added', params: { name: tool.name } };
	}
} satisfies Actions;
