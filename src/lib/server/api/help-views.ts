// What the pages of the loop read: one api call per page, validated here.
import { z } from 'zod';
import { db, type Caller } from '../db';
import { me } from './shapes';

export const helpStatus = z.enum(['open', 'claimed', 'scheduled', 'done', 'closed', 'cancelled']);

const requestCard = z.object({
	id: z.uuid(),
	status: helpStatus,
	subject: z.string(),
	grade: z.string(),
	urgency: z.number(),
	learner_flags: z.array(z.string()),
	languages: z.array(z.string()),
	available_days: z.array(z.string()),
	available_times: z.array(z.string()),
	is_private: z.boolean(),
	created_at: z.string(),
	scheduled_at: z.string().nullable(),
	escalated: z.boolean(),
	tool: z.object({ id: z.uuid(), name: z.string(), icon: z.string() }),
	teacher: z.string().nullable(),
	claimed_by: z.string().nullable(),
	partner: z.string().nullable(),
	/** Null when the request is private and the reader is not in it. */
	goal: z.string().nullable(),
	/** Who is looking: the request's teacher, its mentor or partner, or someone else (null). */
	viewer: z.enum(['teacher', 'mentor', 'partner']).nullable().optional(),
	/** A time waiting for an answer (seen only by the people in the request and the coordinator). */
	proposal: z.object({ starts_at: z.string(), place: z.string(), by_teacher: z.boolean() }).nullable().optional(),
	/** Where a scheduled session takes place. */
	place: z.string().nullable().optional()
});
export type RequestCard = z.infer<typeof requestCard>;

export const toolOption = z.object({ id: z.uuid(), name: z.string() });

const queue = z.object({
	me,
	page: z.number(),
	has_more: z.boolean(),
	requests: z.array(requestCard),
	mine: z.array(requestCard),
	tools: z.array(toolOption)
});

export interface QueueFilters {
	toolId?: string;
	language?: string;
	day?: string;
	page?: number;
}

/** Open requests for mentors, most urgent and oldest first, 10 a page. */
export async function helpQueue(caller: Caller, f: QueueFilters = {}) {
	const args = { p_tool_id: f.toolId, p_language: f.language, p_day: f.day, p_page: f.page };
	return queue.parse(await db().call('help_queue', args, caller));
}

export async function myHelpRequests(caller: Caller) {
	return z.object({ me, requests: z.array(requestCard) }).parse(await db().call('my_help_requests', {}, caller));
}

const helpRequestPage = z.object({
	me,
	request: requestCard.extend({
		goal_hidden: z.boolean(),
		claimed_at: z.string().nullable(),
		done_at: z.string().nullable(),
		closed_at: z.string().nullable(),
		auto_closed: z.boolean(),
		escalation_note: z.string().nullable(),
		waiting_on_teacher: z.boolean(),
		school_days_open: z.number()
	}),
	pending_proposal: z
		.object({ id: z.uuid(), starts_at: z.string(), place: z.string(), proposed_by: z.string().nullable(), mine: z.boolean() })
		.nullable(),
	log: z
		.object({
			id: z.uuid(),
			covered: z.string(),
			minutes: z.number(),
			outcome: z.string(),
			next_steps: z.string().nullable(),
			teacher_attended: z.boolean(),
			mentor: z.string().nullable(),
			verified_at: z.string().nullable(),
			tools: z.array(z.string())
		})
		.nullable(),
	rating: z.object({ rating: z.number(), thanks: z.string().nullable() }).nullable(),
	events: z.array(z.object({ kind: z.string(), at: z.string(), note: z.string().nullable(), actor: z.string().nullable() })),
	tools: z.array(toolOption),
	mentors: z.array(z.object({ user_id: z.uuid(), display_name: z.string() })).nullable(),
	can: z.record(
		z.enum(['claim', 'join', 'unclaim', 'propose', 'accept', 'log', 'close', 'cancel', 'reopen', 'reassign', 'escalate', 'verify']),
		z.boolean()
	)
});
export type HelpRequestPage = z.infer<typeof helpRequestPage>;

/** One request with its history and what the caller may do with it. */
export async function helpRequest(caller: Caller, requestId: string): Promise<HelpRequestPage> {
	return helpRequestPage.parse(await db().call('help_request', { p_request_id: requestId }, caller));
}

const partnerAskShape = z.object({
	/** Somebody waits for the teacher's answer, so nobody else is offered to join. */
	someone_asking: z.boolean(),
	/** Who asked: only for the teacher, the mentor who asked, the people in the request and the coordinator. */
	asking: z.object({ user_id: z.uuid(), display_name: z.string() }).nullable(),
	mine: z.boolean(),
	can_answer: z.boolean()
});
export type PartnerAsk = z.infer<typeof partnerAskShape>;

/** A mentor's ask to join a request as partner, while the teacher has not answered. */
export async function partnerAsk(caller: Caller, requestId: string): Promise<PartnerAsk> {
	return partnerAskShape.parse(await db().call('partner_ask', { p_request_id: requestId }, caller));
}

const overview = z.object({
	me,
	view: z.string(),
	page: z.number(),
	targets: z.object({ claim: z.number(), resolve: z.number() }),
	has_more: z.boolean(),
	requests: z.array(
		requestCard.extend({
			school_days: z.number().optional(),
			overdue: z.boolean().optional(),
			log_id: z.uuid().optional(),
			minutes: z.number().optional(),
			mentor: z.string().nullable().optional()
		})
	)
});
export type OverviewView = 'overdue' | 'active' | 'all' | 'unverified';

/** The coordinator's overview: overdue, active, all, or hours to verify. */
export async function helpOverview(caller: Caller, view: OverviewView, page = 1) {
	return overview.parse(await db().call('help_overview', { p_view: view, p_page: page }, caller));
}

const portfolio = z.object({
	me,
	mentor: z.object({ user_id: z.uuid(), display_name: z.string() }),
	verified_minutes: z.number(),
	pending_minutes: z.number(),
	sessions: z.number(),
	teachers_helped: z.number(),
	tools_taught: z.array(z.string()),
	average_rating: z.number().nullable(),
	thanks: z.array(z.object({ note: z.string(), rating: z.number(), at: z.string(), teacher: z.string().nullable() })),
	sessions_list: z.array(
		z.object({
			request_id: z.uuid(),
			minutes: z.number(),
			covered: z.string(),
			verified: z.boolean(),
			at: z.string(),
			tool: z.string().nullable()
		})
	)
});
export type Portfolio = z.infer<typeof portfolio>;

/** A mentor's portfolio; only the mentor and the coordinator may read it. */
export async function mentorPortfolio(caller: Caller, userId?: string): Promise<Portfolio> {
	return portfolio.parse(await db().call('mentor_portfolio', { p_user_id: userId }, caller));
}

const notifications = z.object({
	me,
	notifications: z.array(
		z.object({
			id: z.number(),
			kind: z.string(),
			request_id: z.uuid().nullable(),
			walkthrough_id: z.uuid().nullable().default(null),
			at: z.string(),
			read: z.boolean(),
			tool: z.string().nullable(),
			/** The request's subject and grade, so two notes about one tool are told apart. */
			subject: z.string().nullable().default(null),
			title: z.string().nullable().default(null)
		})
	)
});

export async function myNotifications(caller: Caller) {
	return notifications.parse(await db().call('my_notifications', {}, caller));
}

const catalog = z.object({
	me,
	tools: z.array(z.object({ id: z.uuid(), name: z.string(), category: z.string(), url: z.string().nullable(), icon: z.string() }))
});

export async function toolsCatalog(caller: Caller) {
	return catalog.parse(await db().call('tools_catalog', {}, caller));
}

export { requestCard };
