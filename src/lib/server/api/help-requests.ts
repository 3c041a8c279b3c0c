// The reverse-mentoring loop's writes: post, claim, schedule, log, thank, and the coordinator's
// steps. Each is one api function, so each change is atomic whichever database runs.
import { z } from 'zod';
import { db, type Caller } from '../db';

const idResult = z.object({ id: z.uuid() }).loose();
const statusResult = z.object({ id: z.uuid(), status: z.string() });

export interface NewHelpRequest {
	submissionId: string;
	toolId: string;
	goal: string;
	subject: string;
	grade: string;
	learnerFlags: string[];
	languages: string[];
	availableDays: string[];
	availableTimes: string[];
	urgency: number;
	isPrivate: boolean;
}

/** Posts a teacher's request; the same submission id twice returns the first request. */
export async function postHelpRequest(caller: Caller, r: NewHelpRequest) {
	const result = await db().call(
		'post_help_request',
		{
			p_submission_id: r.submissionId,
			p_tool_id: r.toolId,
			p_goal: r.goal,
			p_subject: r.subject,
			p_grade: r.grade,
			p_learner_flags: r.learnerFlags,
			p_languages: r.languages,
			p_available_days: r.availableDays,
			p_available_times: r.availableTimes,
			p_urgency: r.urgency,
			p_private: r.isPrivate
		},
		caller
	);
	return z.object({ id: z.uuid(), duplicate: z.boolean() }).parse(result);
}

/** One click, one owner; a conflict names who holds the request. */
export async function claimHelpRequest(caller: Caller, requestId: string) {
	return statusResult.parse(await db().call('claim_help_request', { p_request_id: requestId }, caller));
}

/** Asks to join as partner; the mentor is a partner only once the teacher says yes. */
export async function joinHelpRequest(caller: Caller, requestId: string) {
	return idResult.parse(await db().call('join_help_request', { p_request_id: requestId }, caller));
}

/** The teacher's yes or no to the mentor who asked to join. */
export async function answerPartnerAsk(caller: Caller, requestId: string, mentorId: string, approve: boolean) {
	const args = { p_request_id: requestId, p_mentor_id: mentorId, p_approve: approve };
	return idResult.parse(await db().call('answer_partner_ask', args, caller));
}

/** The mentor who asked to join takes the ask back, before the teacher answers. */
export async function withdrawPartnerAsk(caller: Caller, requestId: string) {
	return idResult.parse(await db().call('withdraw_partner_ask', { p_request_id: requestId }, caller));
}

export async function unclaimHelpRequest(caller: Caller, requestId: string, reason: string) {
	return statusResult.parse(await db().call('unclaim_help_request', { p_request_id: requestId, p_reason: reason }, caller));
}

export async function proposeSession(caller: Caller, requestId: string, startsAt: Date, place: string) {
	return idResult.parse(
		await db().call('propose_session', { p_request_id: requestId, p_starts_at: startsAt.toISOString(), p_place: place }, caller)
	);
}

export async function acceptSession(caller: Caller, proposalId: string) {
	return statusResult.parse(await db().call('accept_session', { p_proposal_id: proposalId }, caller));
}

export interface SessionLog {
	covered: string;
	minutes: number;
	outcome: string;
	nextSteps: string;
	teacherAttended: boolean;
	toolIds: string[];
}

export async function logSession(caller: Caller, requestId: string, log: SessionLog) {
	const result = await db().call(
		'log_session',
		{
			p_request_id: requestId,
			p_covered: log.covered,
			p_minutes: log.minutes,
			p_outcome: log.outcome,
			p_next_steps: log.nextSteps,
			p_teacher_attended: log.teacherAttended,
			p_tool_ids: log.toolIds
		},
		caller
	);
	return idResult.parse(result);
}

/** The teacher confirms, rates 1-5 and may thank the mentor. */
export async function closeHelpRequest(caller: Caller, requestId: string, rating: number, thanks: string) {
	const args = { p_request_id: requestId, p_rating: rating, p_thanks: thanks };
	return statusResult.parse(await db().call('close_help_request', args, caller));
}

export async function cancelHelpRequest(caller: Caller, requestId: string, reason: string) {
	return statusResult.parse(await db().call('cancel_help_request', { p_request_id: requestId, p_reason: reason }, caller));
}

export async function reopenHelpRequest(caller: Caller, requestId: string) {
	return statusResult.parse(await db().call('reopen_help_request', { p_request_id: requestId }, caller));
}

export async function reassignHelpRequest(caller: Caller, requestId: string, mentorId: string) {
	return statusResult.parse(await db().call('reassign_help_request', { p_request_id: requestId, p_mentor_id: mentorId }, caller));
}

export async function escalateHelpRequest(caller: Caller, requestId: string, note: string) {
	return idResult.parse(await db().call('escalate_help_request', { p_request_id: requestId, p_note: note }, caller));
}

export async function verifySessionLog(caller: Caller, logId: string) {
	return idResult.parse(await db().call('verify_session_log', { p_log_id: logId }, caller));
}

export async function setHelpTargets(caller: Caller, claimDays: number, resolveDays: number) {
	await db().call('set_help_targets', { p_claim_days: claimDays, p_resolve_days: resolveDays }, caller);
}

export async function addTool(caller: Caller, tool: { name: string; category: string; url: string; icon: string }) {
	const args = { p_name: tool.name, p_category: tool.category, p_url: tool.url, p_icon: tool.icon };
	return idResult.parse(await db().call('add_tool', args, caller));
}

export async function markNotificationsRead(caller: Caller) {
	await db().call('mark_notifications_read', {}, caller);
}

const opened = z.object({
	id: z.number(),
	kind: z.string(),
	request_id: z.uuid().nullable(),
	walkthrough_id: z.uuid().nullable()
});

/** Opens one of the caller's notifications: marks it read and says which page it is about. */
export async function openNotification(caller: Caller, notificationId: number): Promise<string> {
	const n = opened.parse(await db().call('open_notification', { p_notification_id: notificationId }, caller));
	if (n.request_id) return `/help/${n.request_id}`;
	// The reviewer reviews in the editor; the authors read what was published.
	if (n.walkthrough_id) return n.kind === 'review_requested' ? `/walkthroughs/${n.walkthrough_id}/edit` : `/walkthroughs/${n.walkthrough_id}`;
	return '/home';
}

/** Reminders and auto-close; the server runs this every few minutes, tests with a frozen clock. */
export async function runHelpRequestTimers(now?: Date) {
	const result = await db().service('app_private.run_help_request_timers', { p_now: (now ?? new Date()).toISOString() });
	return z.object({ reminded: z.number(), closed: z.number() }).parse(result);
}
