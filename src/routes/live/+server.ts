import { currentPerson } from '$lib/server/api/session';
import { onSchoolChange } from '$lib/server/live';
import type { RequestHandler } from './$types';

// Server-sent events: "something changed at your school", nothing more (see $lib/server/live).
export const GET: RequestHandler = async ({ locals }) => {
	const me = await currentPerson(locals.caller);
	if (!me) return new Response(null, { status: 401 });
	const encoder = new TextEncoder();
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			send('retry: 10000\n\n');
			const unsubscribe = onSchoolChange(me.school.id, () => send('data: change\n\n'));
			// A comment every 25 s keeps proxies from closing a quiet connection.
			const ping = setInterval(() => send(': ping\n\n'), 25_000);
			stop = () => {
				clearInterval(ping);
				unsubscribe();
			};
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-accel-buffering': 'no' }
	});
};
