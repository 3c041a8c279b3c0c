import { randomUUID } from 'node:crypto';
import { fail, redirect, type Action } from '@sveltejs/kit';
import { z } from 'zod';
import {
	addAuthor,
	attachScreenshot,
	deleteStep,
	moveStep,
	removeScreenshot,
	reviewWalkthrough,
	saveWalkthrough,
	submitWalkthrough,
	unpublishWalkthrough,
	walkthroughEditor,
	type StepForm
} from '$lib/server/api/walkthroughs';
import { prepareScreenshot, screenshots, ScreenshotError, type Redaction } from '$lib/server/uploads';
import { failFrom, orErrorPage } from '$lib/server/respond';
import { formText } from '$lib/server/forms';
import { checkDraft } from '$lib/plain-language';
import { CALLOUT_KINDS, CONTENT_LANGUAGES, walkthroughDone } from '$lib/choices';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const language = z.enum(CONTENT_LANGUAGES).safeParse(url.searchParams.get('version'));
	const editor = await orErrorPage(walkthroughEditor(locals.caller, params.id, language.success ? language.data : undefined), url);
	// Hints for the words as saved; the page asks again after each autosave.
	const hints = checkDraft({
		language: editor.language,
		outcome: editor.version?.outcome ?? '',
		steps: editor.steps.map((s) => ({ text: s.text?.body ?? '', hasImage: s.screenshot !== null, alt: s.text?.alt ?? '' }))
	});
	return { ...editor, hints, saved: url.searchParams.get('saved'), done: walkthroughDone(url.searchParams.get('done')) };
}) satisfies PageServerLoad;

// A draft may be saved before its difficulty and time are chosen (empty); sending it for review
// then asks for them, so nothing is published with a made-up default.
const notChosenYet = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? null : v), schema.nullable());

const details = z.object({
	language: z.enum(CONTENT_LANGUAGES),
	title: z.string().trim().min(3, 'walkthrough.bad_title').max(120, 'walkthrough.bad_title'),
	outcome: z.string().trim().max(300, 'walkthrough.too_long'),
	prerequisites: z.string().trim().max(500, 'walkthrough.too_long'),
	tool_id: z.uuid('walkthrough.choose_tool'),
	difficulty: notChosenYet(z.coerce.number().int().min(1).max(5)),
	minutes: notChosenYet(z.coerce.number().int('walkthrough.bad_minutes').min(1, 'walkthrough.bad_minutes').max(240, 'walkthrough.bad_minutes'))
});
const redactions = z
	.array(z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }))
	.max(20)
	.catch([]);

/** The whole editor form: details, and each step's fields as parallel lists in page order. */
function readForm(form: FormData) {
	const text = (key: string) => form.getAll(key).map(formText);
	const ids = text('step_id');
	const bodies = text('step_body');
	const kinds = text('step_callout_kind');
	const callouts = text('step_callout');
	const alts = text('step_alt');
	const steps: StepForm[] = ids.map((id, i) => ({
		id: id || undefined,
		body: bodies[i] ?? '',
		callout_kind: (CALLOUT_KINDS as readonly string[]).includes(kinds[i]) ? (kinds[i] as StepForm['callout_kind']) : null,
		callout: callouts[i] ?? '',
		alt: alts[i] ?? ''
	}));
	const values: Record<string, string> = {};
	for (const key of ['language', 'title', 'outcome', 'prerequisites', 'tool_id', 'difficulty', 'minutes']) values[key] = formText(form.get(key));
	return { values, steps, files: form.getAll('step_screenshot'), marks: text('step_redactions'), ids };
}

/**
 * Saves what the form holds; then stores any screenshots chosen with it. Returns a failure to
 * show, or null. Everything typed is saved before the slower image work, so a refused image
 * never costs anyone their words.
 */
async function saveForm(locals: App.Locals, id: string, form: FormData, changes: { addStep?: boolean } = {}) {
	const { values, steps, files, marks, ids } = readForm(form);
	const parsed = details.safeParse(values);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message.includes('.') ? issue.message : 'form.invalid';
		return fail(400, { values, steps, errors });
	}
	const d = parsed.data;
	// The database refuses these too; saying which step is too long is kinder than "not valid".
	const tooLong = steps.findIndex((s) => s.body.length > 4000 || s.callout.length > 500 || s.alt.length > 300);
	if (tooLong >= 0) return fail(400, { values, steps, message: 'walkthrough.step_too_long', params: { step: String(tooLong + 1) } });
	try {
		await saveWalkthrough(locals.caller, {
			id,
			language: d.language,
			title: d.title,
			outcome: d.outcome,
			prerequisites: d.prerequisites,
			toolId: d.tool_id,
			difficulty: d.difficulty,
			minutes: d.minutes,
			steps,
			addStep: changes.addStep
		});
	} catch (e) {
		return failFrom(e, { ...values, steps });
	}
	for (const [i, file] of files.entries()) {
		if (!(file instanceof File) || file.size === 0 || !ids[i]) continue;
		const refused = await storeScreenshot(locals, id, ids[i], file, marks[i]);
		if (refused) return fail(400, { message: refused, params: { step: String(i + 1) } });
	}
	return null;
}

async function storeScreenshot(locals: App.Locals, id: string, stepId: string, file: File, marks = '') {
	let boxes: Redaction[];
	try {
		boxes = redactions.parse(marks ? JSON.parse(marks) : []);
	} catch {
		return 'upload.bad_redaction';
	}
	try {
		const prepared = await prepareScreenshot(new Uint8Array(await file.arrayBuffer()), boxes);
		const screenshotId = randomUUID();
		await screenshots().put(screenshotId, prepared.bytes);
		try {
			const { replaced } = await attachScreenshot(locals.caller, {
				id,
				stepId,
				screenshotId,
				width: prepared.width,
				height: prepared.height,
				bytes: prepared.bytes.length
			});
			// The old image goes only once nothing points at it. Published revisions still do, so
			// files are kept while any revision names them (see the note in the closing report).
			void replaced;
		} catch (e) {
			await screenshots().remove(screenshotId);
			throw e;
		}
	} catch (e) {
		if (e instanceof ScreenshotError) return e.key;
		throw e;
	}
	return null;
}

const back = (id: string, language: string, extra = '') => `/walkthroughs/${id}/edit?version=${language}${extra}`;
const languageOf = (form: FormData) => String(form.get('language') ?? 'en');
const field = (form: FormData, name: string) => String(form.get(name) ?? '');

/**
 * An action that first saves what the form holds (so a click on Move, Submit... never loses what
 * was typed), then takes its own step; a refusal of either comes back to the form.
 */
function saveThen(
	step: (caller: App.Locals['caller'], id: string, form: FormData) => Promise<unknown>,
	after: (form: FormData) => string
): Action<{ id: string }> {
	return async ({ request, locals, params }) => {
		const form = await request.formData();
		const failure = await saveForm(locals, params.id, form);
		if (failure) return failure;
		try {
			await step(locals.caller, params.id, form);
		} catch (e) {
			return failFrom(e);
		}
		redirect(303, back(params.id, languageOf(form), after(form)));
	};
}

export const actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const failure = await saveForm(locals, params.id, form);
		if (failure) return failure;
		redirect(303, back(params.id, languageOf(form), '&saved=1'));
	},
	// The page's script saves while someone types; it answers with fresh hints instead of a page.
	autosave: async ({ request, locals, params }) => {
		const form = await request.formData();
		form.delete('step_screenshot');
		const failure = await saveForm(locals, params.id, form);
		if (failure) return failure;
		const { steps } = readForm(form);
		const hints = checkDraft({
			language: languageOf(form),
			outcome: String(form.get('outcome') ?? ''),
			steps: steps.map((s, i) => ({ text: s.body, hasImage: form.getAll('step_has_screenshot')[i] === '1', alt: s.alt }))
		});
		return { autosaved: new Date().toISOString(), hints };
	},
	add_step: async ({ request, locals, params }) => {
		const form = await request.formData();
		const failure = await saveForm(locals, params.id, form, { addStep: true });
		if (failure) return failure;
		redirect(303, back(params.id, languageOf(form), '#last-step'));
	},
	delete_step: saveThen((caller, id, form) => deleteStep(caller, id, field(form, 'delete_step')), () => '&done=walkthrough.step_deleted'),
	move: saveThen(
		(caller, id, form) => moveStep(caller, id, field(form, 'move').split(':')[0], field(form, 'move').endsWith(':up')),
		(form) => `#step-${field(form, 'move').split(':')[0]}`
	),
	remove_screenshot: saveThen(
		(caller, id, form) => removeScreenshot(caller, id, field(form, 'remove_screenshot')),
		() => '&done=walkthrough.screenshot_removed'
	),
	add_author: saveThen((caller, id, form) => addAuthor(caller, id, field(form, 'author_id')), () => '&done=walkthrough.author_added'),
	submit: saveThen((caller, id, form) => {
		const reviewer = z.uuid().safeParse(form.get('reviewer_id'));
		return submitWalkthrough(caller, id, reviewer.success ? reviewer.data : undefined);
	}, () => '&done=walkthrough.submitted'),
	review: async ({ request, locals, params }) => {
		const form = await request.formData();
		const decision = form.get('decision') === 'approved' ? 'approved' : 'changes_requested';
		const comment = formText(form.get('comment')).slice(0, 2000);
		try {
			await reviewWalkthrough(locals.caller, params.id, decision, comment);
		} catch (e) {
			return failFrom(e, { comment });
		}
		redirect(303, decision === 'approved' ? `/walkthroughs/${params.id}?published=1` : '/walkthroughs?reviewed=1');
	},
	unpublish: async ({ locals, params }) => {
		try {
			await unpublishWalkthrough(locals.caller, params.id);
		} catch (e) {
			return failFrom(e);
		}
		redirect(303, back(params.id, 'en', '&done=walkthrough.unpublished'));
	}
} satisfies Actions;
