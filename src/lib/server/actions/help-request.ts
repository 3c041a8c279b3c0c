// The form actions of a help request's page, one per step of the loop. Each validates with its
// zod schema, calls one domain function, and answers with a message key (or field errors).
import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import * as help from '$lib/server/api/help-requests';
import { currentPerson } from '$lib/server/api/session';
import { DbError } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { failFrom } from '$lib/server/respond';
import { schoolTimeToInstant } from '$lib/school-time';
import {
	closeSchema,
	logIdSchema,
	logSchema,
	optionalReasonSchema,
	partnerAnswerSchema,
	proposalSchema,
	proposeSchema,
	reasonSchema,
	reassignSchema
} from '$lib/schemas/help';

type Event = RequestEvent<{ id: string }>;

/** Runs one step for the request in the URL; a refusal from the database keeps what was typed. */
async function step<S extends z.ZodType>(
	event: Event,
	schema: S | null,
	done: string,
	work: (data: z.infer<S>, requestId: string) => Promise<unknown>
) {
	const requestId = event.params.id;
	if (!z.uuid().safeParse(requestId).success) return fail(404, { message: 'request.not_found' });
	const form = await event.request.formData();
	let data = {} as z.infer<S>;
	if (schema) {
		const parsed = parseForm(schema, form);
		if (!parsed.ok) return parsed.failure;
		data = parsed.data;
	}
	try {
		await work(data, requestId);
	} catch (e) {
		return failFrom(e, Object.fromEntries([...form].map(([k, v]) => [k, String(v)])));
	}
	return { done };
}

export const helpRequestActions = {
	claim: (e: Event) => step(e, null, 'help.claimed_done', (_, id) => help.claimHelpRequest(e.locals.caller, id)),
	join: (e: Event) => step(e, null, 'help.asked_to_join_done', (_, id) => help.joinHelpRequest(e.locals.caller, id)),
	answer_partner: (e: Event) =>
		step(e, partnerAnswerSchema, 'help.partner_answered_done', (d, id) =>
			help.answerPartnerAsk(e.locals.caller, id, d.mentor_id, d.answer === 'yes')
		),
	withdraw_ask: (e: Event) =>
		step(e, null, 'help.ask_withdrawn_done', (_, id) => help.withdrawPartnerAsk(e.locals.caller, id)),
	unclaim: (e: Event) =>
		step(e, reasonSchema, 'help.unclaimed_done', (d, id) => help.unclaimHelpRequest(e.locals.caller, id, d.reason)),
	propose: (e: Event) =>
		step(e, proposeSchema, 'help.proposed_done', async (d, id) => {
			const me = await currentPerson(e.locals.caller);
			const at = schoolTimeToInstant(d.starts_at, me?.school.time_zone ?? 'UTC');
			if (!at) throw invalidTime();
			return help.proposeSession(e.locals.caller, id, at, d.place);
		}),
	accept: (e: Event) =>
		step(e, proposalSchema, 'help.accepted_done', (d) => help.acceptSession(e.locals.caller, d.proposal_id)),
	log: (e: Event) =>
		step(e, logSchema, 'help.logged_done', (d, id) =>
			help.logSession(e.locals.caller, id, {
				covered: d.covered,
				minutes: d.minutes,
				outcome: d.outcome,
				nextSteps: d.next_steps ?? '',
				teacherAttended: d.teacher_attended === 'yes',
				toolIds: d.tool_ids
			})
		),
	close: (e: Event) =>
		step(e, closeSchema, 'help.closed_done', (d, id) => help.closeHelpRequest(e.locals.caller, id, d.rating, d.thanks ?? '')),
	cancel: (e: Event) =>
		step(e, optionalReasonSchema, 'help.cancelled_done', (d, id) => help.cancelHelpRequest(e.locals.caller, id, d.reason ?? '')),
	reopen: (e: Event) => step(e, null, 'help.reopened_done', (_, id) => help.reopenHelpRequest(e.locals.caller, id)),
	reassign: (e: Event) =>
		step(e, reassignSchema, 'help.reassigned_done', (d, id) => help.reassignHelpRequest(e.locals.caller, id, d.mentor_id)),
	escalate: (e: Event) =>
		step(e, reasonSchema, 'help.escalated_done', (d, id) => help.escalateHelpRequest(e.locals.caller, id, d.reason)),
	verify: (e: Event) => step(e, logIdSchema, 'help.verified_done', (d) => help.verifySessionLog(e.locals.caller, d.log_id))
};

function invalidTime() {
	return new DbError('invalid', 'help.bad_time');
}
