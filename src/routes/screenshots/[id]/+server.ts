import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { screenshotVisible } from '$lib/server/api/walkthroughs';
import { screenshots } from '$lib/server/uploads';
import { DbError } from '$lib/server/db';
import type { RequestHandler } from './$types';

// A screenshot, only for someone the database lets see its walkthrough. Its id is random and its
// bytes never change (a new upload gets a new id), so the browser may keep it for good.
export const GET: RequestHandler = async ({ params, locals }) => {
	const id = z.uuid().safeParse(params.id);
	if (!id.success) error(404, { message: 'errors.page_not_found' });
	try {
		await screenshotVisible(locals.caller, id.data);
	} catch (e) {
		if (e instanceof DbError) error(404, { message: 'errors.page_not_found' });
		throw e;
	}
	const bytes = await screenshots().get(id.data);
	if (!bytes) error(404, { message: 'errors.page_not_found' });
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'image/webp',
			'content-length': String(bytes.length),
			'cache-control': 'private, max-age=31536000, immutable',
			'content-disposition': 'inline'
		}
	});
};
