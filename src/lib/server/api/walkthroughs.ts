// Walkthroughs: what the pages read and write, one api call each, validated here. Step text is
// stored as the author typed it (a small Markdown subset) and turned into safe HTML only on the way
// to a page (here, and in reader-version.ts for the reader), by the one audited renderer.
import { z } from 'zod';
import { db, type Caller } from '../db';
import { CALLOUT_KINDS } from '$lib/choices';
import { toolOption } from './help-views';
import { me } from './shapes';
import { versionFor } from './reader-version';

export const walkthroughStatus = z.enum(['draft', 'in_review', 'changes_requested', 'published', 'unpublished']);
export type WalkthroughStatus = z.infer<typeof walkthroughStatus>;

const tool = z.object({ id: z.uuid(), name: z.string(), icon: z.string() });
const stepText = z.object({
	body: z.string(),
	callout_kind: z.enum(CALLOUT_KINDS).nullable(),
	callout: z.string(),
	alt: z.string()
});
const screenshot = z.object({ id: z.uuid(), width: z.number(), height: z.number() }).nullable();

const editor = z.object({
	me,
	walkthrough: z.object({
		id: z.uuid(),
		status: walkthroughStatus,
		tool_id: z.uuid(),
		// Null until the author chooses them; sending for review asks for both.
		difficulty: z.number().nullable(),
		minutes: z.number().nullable(),
		original_language: z.string(),
		reviewer_id: z.uuid().nullable(),
		from_request_id: z.uuid().nullable(),
		published: z.boolean(),
		updated_at: z.string(),
		published_at: z.string().nullable(),
		/** Made from a request whose teacher kept their words private: the goal started empty. */
		from_private_request: z.boolean()
	}),
	language: z.string(),
	version: z.object({ title: z.string(), outcome: z.string(), prerequisites: z.string(), updated_at: z.string() }).nullable(),
	original: z.object({ title: z.string(), outcome: z.string(), prerequisites: z.string() }).nullable(),
	steps: z.array(
		z.object({ id: z.uuid(), position: z.number(), screenshot, text: stepText.nullable(), original: stepText.nullable() })
	),
	progress: z.array(z.object({ language: z.string(), total: z.number(), done: z.number() })),
	authors: z.array(z.object({ user_id: z.uuid(), display_name: z.string() })),
	reviews: z.array(
		z.object({ id: z.uuid(), decision: z.string(), comment: z.string(), at: z.string(), reviewer: z.string().nullable() })
	),
	revisions: z.array(z.object({ id: z.number(), reason: z.string(), at: z.string(), by: z.string().nullable() })),
	comments: z.array(z.object({ id: z.uuid(), body: z.string(), at: z.string(), author: z.string().nullable() })),
	tools: z.array(toolOption),
	people: z.array(z.object({ user_id: z.uuid(), display_name: z.string(), teacher: z.boolean() })).nullable(),
	missing_alt: z.object({ step: z.string(), language: z.string() }).nullable(),
	can: z.object({
		edit: z.boolean(),
		restructure: z.boolean(),
		submit: z.boolean(),
		review: z.boolean(),
		unpublish: z.boolean()
	})
});
export type WalkthroughEditor = z.infer<typeof editor>;

export async function walkthroughEditor(caller: Caller, id: string, language?: string) {
	return editor.parse(await db().call('walkthrough_editor', { p_walkthrough_id: id, p_language: language }, caller));
}

export interface NewWalkthrough {
	submissionId: string;
	toolId: string;
	language: string;
	title: string;
	fromRequestId?: string;
}

/** Starts a draft (one empty step); the same submission id twice returns the first draft. */
export async function startWalkthrough(caller: Caller, w: NewWalkthrough) {
	const result = await db().call(
		'walkthrough_start',
		{
			p_submission_id: w.submissionId,
			p_tool_id: w.toolId,
			p_language: w.language,
			p_title: w.title,
			p_from_request_id: w.fromRequestId
		},
		caller
	);
	return z.object({ id: z.uuid(), duplicate: z.boolean() }).parse(result);
}

export interface StepForm {
	id?: string;
	body: string;
	callout_kind: (typeof CALLOUT_KINDS)[number] | null;
	callout: string;
	alt: string;
}

export interface WalkthroughForm {
	id: string;
	language: string;
	title: string;
	outcome: string;
	prerequisites: string;
	toolId: string;
	difficulty: number | null;
	minutes: number | null;
	steps: StepForm[];
	addStep?: boolean;
}

/** Saves one language's form whole (the autosave and the Save button send the same thing). */
export async function saveWalkthrough(caller: Caller, f: WalkthroughForm) {
	const result = await db().call(
		'walkthrough_save',
		{
			p_walkthrough_id: f.id,
			p_language: f.language,
			p_title: f.title,
			p_outcome: f.outcome,
			p_prerequisites: f.prerequisites,
			p_tool_id: f.toolId,
			p_difficulty: f.difficulty,
			p_minutes: f.minutes,
			// jsonb: sent as text so it is never mistaken for a Postgres array.
			p_steps: JSON.stringify(f.steps.map((s) => ({ ...s, id: s.id ?? null }))),
			p_add_step: f.addStep ?? false
		},
		caller
	);
	return z.object({ id: z.uuid(), saved_at: z.string() }).parse(result);
}

export async function deleteStep(caller: Caller, id: string, stepId: string) {
	await db().call('walkthrough_delete_step', { p_walkthrough_id: id, p_step_id: stepId }, caller);
}

export async function moveStep(caller: Caller, id: string, stepId: string, up: boolean) {
	await db().call('walkthrough_move_step', { p_walkthrough_id: id, p_step_id: stepId, p_up: up }, caller);
}

/** Records a screenshot already stored; returns the one it replaced, whose file can go. */
export async function attachScreenshot(
	caller: Caller,
	a: { id: string; stepId: string; screenshotId: string; width: number; height: number; bytes: number }
) {
	const result = await db().call(
		'walkthrough_attach_screenshot',
		{
			p_walkthrough_id: a.id,
			p_step_id: a.stepId,
			p_screenshot_id: a.screenshotId,
			p_width: a.width,
			p_height: a.height,
			p_bytes: a.bytes
		},
		caller
	);
	return z.object({ id: z.uuid(), replaced: z.uuid().nullable() }).parse(result);
}

export async function removeScreenshot(caller: Caller, id: string, stepId: string) {
	const result = await db().call('walkthrough_remove_screenshot', { p_walkthrough_id: id, p_step_id: stepId }, caller);
	return z.object({ removed: z.uuid().nullable() }).parse(result);
}

export async function addAuthor(caller: Caller, id: string, userId: string) {
	await db().call('walkthrough_add_author', { p_walkthrough_id: id, p_user_id: userId }, caller);
}

export async function submitWalkthrough(caller: Caller, id: string, reviewerId?: string) {
	await db().call('walkthrough_submit', { p_walkthrough_id: id, p_reviewer_id: reviewerId }, caller);
}

export async function reviewWalkthrough(
	caller: Caller,
	id: string,
	decision: 'approved' | 'changes_requested',
	comment: string
) {
	await db().call('walkthrough_review', { p_walkthrough_id: id, p_decision: decision, p_comment: comment }, caller);
}

export async function unpublishWalkthrough(caller: Caller, id: string) {
	await db().call('walkthrough_unpublish', { p_walkthrough_id: id }, caller);
}

const published = z.object({
	me,
	id: z.uuid(),
	walkthrough: z.object({
		tool,
		difficulty: z.number(),
		minutes: z.number(),
		original_language: z.string(),
		from_request_id: z.uuid().nullable(),
		authors: z.array(z.string()),
		published_at: z.string(),
		steps: z.array(z.object({ id: z.uuid(), screenshot })),
		versions: z.record(
			z.string(),
			z.object({ title: z.string(), outcome: z.string(), prerequisites: z.string(), steps: z.array(stepText) })
		)
	}),
	votes: z.object({ helpful: z.number(), not_helpful: z.number() }),
	my_vote: z.boolean().nullable(),
	is_author: z.boolean()
});

export type { ReaderStep, ReaderVersion } from './reader-version';

/** A published walkthrough for reading, in `language` and, side by side, in `alongside`. */
export async function readWalkthrough(caller: Caller, id: string, language: string, alongside?: string) {
	const page = published.parse(await db().call('walkthrough', { p_walkthrough_id: id }, caller));
	const w = page.walkthrough;
	const version = versionFor(w, language);
	const second = alongside ? versionFor(w, alongside) : null;
	return {
		me: page.me,
		id: page.id,
		tool: w.tool,
		difficulty: w.difficulty,
		minutes: w.minutes,
		authors: w.authors,
		publishedAt: w.published_at,
		fromRequestId: w.from_request_id,
		originalLanguage: w.original_language,
		languages: Object.keys(w.versions).sort(),
		version,
		// A language without a version shows the original; beside the original that would be the
		// same column twice (and two columns keyed by one language stop the page's script).
		alongside: second && second.language !== version.language ? second : null,
		votes: page.votes,
		myVote: page.my_vote,
		isAuthor: page.is_author
	};
}
export type ReaderPage = Awaited<ReturnType<typeof readWalkthrough>>;

export async function voteWalkthrough(caller: Caller, id: string, helpful: boolean) {
	await db().call('walkthrough_vote', { p_walkthrough_id: id, p_helpful: helpful }, caller);
}

export async function commentOnWalkthrough(caller: Caller, id: string, body: string) {
	await db().call('walkthrough_comment', { p_walkthrough_id: id, p_body: body }, caller);
}

/** Throws not_found unless the caller may see this screenshot (RLS decides). */
export async function screenshotVisible(caller: Caller, screenshotId: string) {
	await db().call('walkthrough_screenshot', { p_screenshot_id: screenshotId }, caller);
}

const library = z.object({
	me,
	page: z.number(),
	has_more: z.boolean(),
	results: z.array(
		z.object({
			id: z.uuid(),
			language: z.string(),
			title: z.string(),
			outcome: z.string(),
			difficulty: z.number(),
			published_at: z.string(),
			tool,
			languages: z.array(z.string())
		})
	),
	mine: z.array(
		z.object({ id: z.uuid(), status: walkthroughStatus, updated_at: z.string(), title: z.string().nullable(), tool: z.string() })
	),
	to_review: z.array(
		z.object({ id: z.uuid(), submitted_at: z.string().nullable(), title: z.string().nullable(), tool: z.string() })
	),
	tools: z.array(toolOption)
});

export interface LibraryFilters {
	query?: string;
	language?: string;
	toolId?: string;
	difficulty?: number;
	page?: number;
}

export async function walkthroughLibrary(caller: Caller, f: LibraryFilters = {}) {
	const args = {
		p_query: f.query,
		p_language: f.language,
		p_tool_id: f.toolId,
		p_difficulty: f.difficulty,
		p_page: f.page
	};
	return library.parse(await db().call('walkthroughs', args, caller));
}

/** The walkthroughs made from a help request (those the caller can see), and whether they may start one. */
export async function requestWalkthroughs(caller: Caller, requestId: string) {
	const result = await db().call('request_walkthroughs', { p_request_id: requestId }, caller);
	return z
		.object({
			can_start: z.boolean(),
			walkthroughs: z.array(z.object({ id: z.uuid(), status: walkthroughStatus, title: z.string().nullable() }))
		})
		.parse(result);
}
