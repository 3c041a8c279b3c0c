// Walkthroughs against a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set),
// through the same db.call the server uses: RLS and the api functions decide everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testTargets, type TestDatabase } from '../db/testing';
import type { Caller } from '../db';

const SCHOOL = '10000000-0000-4000-8000-000000000001';
const COORDINATOR = '20000000-0000-4000-8000-000000000001';
const TEACHER = '20000000-0000-4000-8000-000000000003';
const SOFIA = '20000000-0000-4000-8000-000000000015';
const OMAR = '20000000-0000-4000-8000-000000000016';
const OTHER_SCHOOL = '10000000-0000-4000-8000-0000000000b2';
const OUTSIDER = '30000000-0000-4000-8000-0000000000b1';

const as = (sub: string): Caller => ({ kind: 'claims', claims: { sub, role: 'authenticated' } });
type Row = Record<string, unknown>;

describe.each(testTargets())('walkthroughs on $target', ({ open }) => {
	let t: TestDatabase;
	let flipId: string;
	const call = (fn: Parameters<TestDatabase['db']['call']>[0], args: Record<string, unknown>, who: string) =>
		t.db.call(fn, args, as(who)) as Promise<Row>;

	/** A walkthrough by Sofía in Spanish with three steps; the second has a screenshot. */
	async function spanishDraft(alt = '') {
		const { id } = await call(
			'walkthrough_start',
			{ p_submission_id: randomUUID(), p_tool_id: flipId, p_language: 'es', p_title: 'Grabar un vídeo en Flip' },
			SOFIA
		);
		const steps = [
			{ body: 'Abre **Flip** y elige tu grupo.' },
			{ body: 'Pulsa el botón verde para grabar.', callout_kind: 'tip', callout: 'Habla despacio.' },
			{ body: 'Revisa el vídeo y envíalo.', callout_kind: 'caution', callout: 'No muestres caras sin permiso.' }
		];
		// A new draft has one empty step; the form fills it and adds two.
		const first = ((await call('walkthrough_editor', { p_walkthrough_id: id }, SOFIA)).steps as Row[])[0].id;
		await save(String(id), 'es', 'Grabar un vídeo en Flip', steps.map((s, i) => (i === 0 ? { ...s, id: first } : s)));
		const editor = await call('walkthrough_editor', { p_walkthrough_id: id }, SOFIA);
		const stepIds = (editor.steps as Row[]).map((s) => String(s.id));
		await call(
			'walkthrough_attach_screenshot',
			{ p_walkthrough_id: id, p_step_id: stepIds[1], p_screenshot_id: randomUUID(), p_width: 1366, p_height: 768, p_bytes: 90_000 },
			SOFIA
		);
		if (alt) await save(String(id), 'es', 'Grabar un vídeo en Flip', steps.map((s, i) => ({ ...s, id: stepIds[i], alt: i === 1 ? alt : '' })));
		return { id: String(id), stepIds };
	}

	function save(id: string, language: string, title: string, steps: Row[], who = SOFIA) {
		return call(
			'walkthrough_save',
			{
				p_walkthrough_id: id, p_language: language, p_title: title, p_outcome: 'Podrás grabar y enviar un vídeo.',
				p_prerequisites: 'Una cuenta de Flip.', p_tool_id: flipId, p_difficulty: 2, p_minutes: 10, p_steps: steps
			},
			who
		);
	}

	beforeAll(async () => {
		t = await open();
		const [tool] = await t.query(`select id from public.tools where school_id = $1 and name = 'Flip'`, [SCHOOL]);
		flipId = String(tool.id);
		await t.query(`insert into public.schools (id, name, code, time_zone, is_demo) values ($1, 'Hillcrest', 'hillcrest-w', 'UTC', false)`, [OTHER_SCHOOL]);
		await t.query(`insert into auth.users (id, email) values ($1, 'beth@hillcrest.example.org')`, [OUTSIDER]);
		await t.query(`insert into public.profiles (user_id, school_id, display_name) values ($1, $2, 'Beth Cole')`, [OUTSIDER, OTHER_SCHOOL]);
		await t.query(`insert into public.memberships (user_id, school_id, role) values ($1, $2, 'coordinator')`, [OUTSIDER, OTHER_SCHOOL]);
	});
	afterAll(() => t.close());

	it('runs the journey: Spanish draft, alt text, English version, review, publish, read, vote', async () => {
		const { id, stepIds } = await spanishDraft();
		// Submitting with a screenshot that has no alt text is refused, naming the step.
		await expect(call('walkthrough_submit', { p_walkthrough_id: id }, SOFIA)).rejects.toMatchObject({
			key: 'walkthrough.missing_alt',
			params: { step: '2', language: 'es' }
		});
		const steps = (body: string[], alt: string) =>
			body.map((b, i) => ({ id: stepIds[i], body: b, alt: i === 1 ? alt : '' }));
		await save(id, 'es', 'Grabar un vídeo en Flip', steps(['Abre Flip.', 'Pulsa el botón verde.', 'Envía el vídeo.'], 'Botón verde de grabar en Flip'));
		await save(id, 'en', 'Record a video in Flip', steps(['Open Flip.', 'Press the green button.', 'Send the video.'], 'The green record button in Flip'));
		const editor = await call('walkthrough_editor', { p_walkthrough_id: id, p_language: 'en' }, SOFIA);
		expect(editor.progress).toEqual(
			expect.arrayContaining([{ language: 'en', total: 3, done: 3 }, { language: 'es', total: 3, done: 3 }])
		);
		// Drafts are for their authors and the coordinator: not another mentor, not a teacher.
		await expect(call('walkthrough_editor', { p_walkthrough_id: id }, OMAR)).rejects.toMatchObject({ key: 'walkthrough.not_found' });
		await expect(call('walkthrough_editor', { p_walkthrough_id: id }, TEACHER)).rejects.toMatchObject({ key: 'walkthrough.not_found' });
		expect(await call('walkthrough_editor', { p_walkthrough_id: id }, COORDINATOR)).toMatchObject({ can: { review: false } });

		expect(await call('walkthrough_submit', { p_walkthrough_id: id }, SOFIA)).toMatchObject({ status: 'in_review' });
		// An author cannot approve their own; the coordinator can.
		await expect(call('walkthrough_review', { p_walkthrough_id: id, p_decision: 'approved' }, SOFIA)).rejects.toMatchObject({
			kind: 'forbidden'
		});
		expect(await call('walkthrough_review', { p_walkthrough_id: id, p_decision: 'approved', p_comment: '¡Muy bien!' }, COORDINATOR)).toMatchObject({
			status: 'published'
		});

		const read = await call('walkthrough', { p_walkthrough_id: id }, TEACHER);
		const versions = (read.walkthrough as { versions: Record<string, { title: string; steps: Row[] }> }).versions;
		expect(Object.keys(versions).sort()).toEqual(['en', 'es']);
		expect(versions.en.steps[1]).toMatchObject({ body: 'Press the green button.', alt: 'The green record button in Flip' });
		await call('walkthrough_vote', { p_walkthrough_id: id, p_helpful: true }, TEACHER);
		await call('walkthrough_vote', { p_walkthrough_id: id, p_helpful: true }, TEACHER);
		expect((await call('walkthrough', { p_walkthrough_id: id }, TEACHER)).votes).toEqual({ helpful: 1, not_helpful: 0 });
		// Another school sees nothing of it.
		await expect(call('walkthrough', { p_walkthrough_id: id }, OUTSIDER)).rejects.toMatchObject({ key: 'walkthrough.not_found' });
	});

	it('finds Spanish walkthroughs with or without accents, and only published ones', async () => {
		const { id, stepIds } = await spanishDraft('Botón de grabar');
		await save(id, 'es', 'Cómo grabar una lección', stepIds.map((s, i) => ({ id: s, body: `Paso ${i + 1}: pulsa grabación`, alt: i === 1 ? 'Botón de grabar' : '' })));
		const search = async (q: string, who = TEACHER) =>
			((await call('walkthroughs', { p_query: q }, who)).results as Row[]).map((r) => r.id);
		expect(await search('leccion')).not.toContain(id);
		await call('walkthrough_submit', { p_walkthrough_id: id }, SOFIA);
		await call('walkthrough_review', { p_walkthrough_id: id, p_decision: 'approved' }, COORDINATOR);
		expect(await search('lección')).toContain(id);
		expect(await search('leccion')).toContain(id);
		expect(await search('COMO GRABAR')).toContain(id);
		expect(await search('grabacion')).toContain(id);
		expect(await search('lección', OUTSIDER)).toEqual([]);
		// Filters: by tool and by difficulty (the drafts here are level 2, about Flip).
		const filtered = async (args: Record<string, unknown>) =>
			((await call('walkthroughs', { p_query: 'leccion', ...args }, TEACHER)).results as Row[]).map((r) => r.id);
		expect(await filtered({ p_tool_id: flipId, p_difficulty: 2 })).toContain(id);
		expect(await filtered({ p_difficulty: 5 })).not.toContain(id);
		const [other] = await t.query(`select id from public.tools where school_id = $1 and name <> 'Flip' limit 1`, [SCHOOL]);
		expect(await filtered({ p_tool_id: other.id })).not.toContain(id);
		await call('walkthrough_unpublish', { p_walkthrough_id: id }, COORDINATOR);
		expect(await search('leccion')).not.toContain(id);
	});

	it('asks for changes with a comment, and keeps the history', async () => {
		const { id } = await spanishDraft('Botón');
		await call('walkthrough_submit', { p_walkthrough_id: id, p_reviewer_id: TEACHER }, SOFIA);
		// The named teacher reviews it while it is in review.
		await expect(call('walkthrough_review', { p_walkthrough_id: id, p_decision: 'changes_requested', p_comment: '' }, TEACHER)).rejects.toMatchObject({
			key: 'walkthrough.comment_needed'
		});
		await call('walkthrough_review', { p_walkthrough_id: id, p_decision: 'changes_requested', p_comment: 'Añade una captura del paso 3.' }, TEACHER);
		const editor = await call('walkthrough_editor', { p_walkthrough_id: id }, SOFIA);
		expect(editor.walkthrough).toMatchObject({ status: 'changes_requested' });
		expect(editor.reviews).toEqual([expect.objectContaining({ decision: 'changes_requested', comment: 'Añade una captura del paso 3.' })]);
		expect((editor.revisions as Row[]).map((r) => r.reason)).toEqual(['submitted']);
		// Once it is back with the author, the teacher no longer sees the draft.
		await expect(call('walkthrough_editor', { p_walkthrough_id: id }, TEACHER)).rejects.toMatchObject({ key: 'walkthrough.not_found' });
	});

	it('turns a finished help request into a draft with its tool and goal', async () => {
		const done = 'd0000000-0000-4000-8000-000000000004'; // Marcus's Canva request, helped by Omar
		const { id } = await call('walkthrough_start', { p_submission_id: randomUUID(), p_tool_id: flipId, p_language: 'en', p_title: 'Canva posters', p_from_request_id: done }, OMAR);
		const editor = await call('walkthrough_editor', { p_walkthrough_id: id }, OMAR);
		const [canva] = await t.query(`select tool_id from public.help_requests where id = $1`, [done]);
		expect(editor.walkthrough).toMatchObject({ from_request_id: done, tool_id: canva.tool_id });
		expect(String((editor.version as Row).outcome).length).toBeGreaterThan(5);
		// Someone who took no part in the request cannot.
		await expect(
			call('walkthrough_start', { p_submission_id: randomUUID(), p_tool_id: flipId, p_language: 'en', p_title: 'Canva', p_from_request_id: done }, SOFIA)
		).rejects.toMatchObject({ key: 'walkthrough.bad_request' });
	});

	it('never copies the words of a private request into a walkthrough draft', async () => {
		// Marcus asks for help and keeps his words private; Omar helps and logs the session.
		const secret = 'PRIVATE: I get nervous when my students watch me use a new tool.';
		const { id: requestId } = await call(
			'post_help_request',
			{
				p_submission_id: randomUUID(), p_tool_id: flipId, p_goal: secret, p_subject: 'Science', p_grade: '8',
				p_learner_flags: [], p_languages: ['en'], p_available_days: [], p_available_times: [], p_urgency: 2, p_private: true
			},
			TEACHER
		);
		await call('claim_help_request', { p_request_id: requestId }, OMAR);
		await call(
			'log_session',
			{ p_request_id: requestId, p_covered: 'Recording a first video', p_minutes: 30, p_outcome: 'solved', p_next_steps: '', p_teacher_attended: true },
			OMAR
		);
		// The mentor who helped, and the teacher himself, each make a walkthrough from it.
		for (const who of [OMAR, TEACHER]) {
			const { id } = await call(
				'walkthrough_start',
				{ p_submission_id: randomUUID(), p_tool_id: flipId, p_language: 'en', p_title: 'Your first Flip video', p_from_request_id: requestId },
				who
			);
			const editor = await call('walkthrough_editor', { p_walkthrough_id: id }, who);
			// The goal starts empty, and the editor knows to ask for the author's own words instead.
			expect((editor.version as Row).outcome).toBe('');
			expect(editor.walkthrough).toMatchObject({ from_request_id: requestId, from_private_request: true });
			expect(JSON.stringify(editor)).not.toContain('nervous');
			// Not in the draft's rows either, whoever reads them.
			const rows = await t.query(
				`select v.title || v.outcome || v.prerequisites || coalesce(string_agg(x.body || x.callout || x.alt, ''), '') as words
				 from public.walkthrough_versions v left join public.walkthrough_step_texts x on x.walkthrough_id = v.walkthrough_id
				 where v.walkthrough_id = $1 group by v.title, v.outcome, v.prerequisites`,
				[id]
			);
			expect(String(rows[0].words)).not.toContain('nervous');
		}
	});

	it('lists two comments and two reviews made at the same moment, each with its own id', async () => {
		const { id } = await spanishDraft('Botón');
		await call('walkthrough_submit', { p_walkthrough_id: id }, SOFIA);
		await call('walkthrough_review', { p_walkthrough_id: id, p_decision: 'approved' }, COORDINATOR);
		// Imports and seeds write many rows in one transaction, where now() is one moment.
		await t.query(
			`insert into public.walkthrough_comments (walkthrough_id, school_id, author_id, body, created_at)
			 values ($1, $2, $3, 'Muy claro.', '2026-11-20T10:00:00Z'), ($1, $2, $4, 'Me ayudó mucho.', '2026-11-20T10:00:00Z')`,
			[id, SCHOOL, TEACHER, OMAR]
		);
		await t.query(`update public.walkthrough_reviews set created_at = '2026-11-20T10:00:00Z' where walkthrough_id = $1`, [id]);
		await t.query(
			`insert into public.walkthrough_reviews (walkthrough_id, school_id, reviewer_id, decision, comment, created_at)
			 values ($1, $2, $3, 'changes_requested', 'Añade una captura.', '2026-11-20T10:00:00Z')`,
			[id, SCHOOL, COORDINATOR]
		);
		const editor = await call('walkthrough_editor', { p_walkthrough_id: id }, SOFIA);
		const comments = editor.comments as Row[];
		const reviews = editor.reviews as Row[];
		// The editor keys its lists by id: each row needs its own, even when the times are equal.
		const ids = (rows: Row[]) => new Set(rows.map((r) => r.id).filter((x) => typeof x === 'string' && x.length === 36)).size;
		expect(comments.map((c) => c.body).sort()).toEqual(['Me ayudó mucho.', 'Muy claro.']);
		expect(new Set(comments.map((c) => c.at)).size).toBe(1);
		expect(ids(comments)).toBe(2);
		expect(reviews).toHaveLength(2);
		expect(new Set(reviews.map((r) => r.at)).size).toBe(1);
		expect(ids(reviews)).toBe(2);
	});

	it('reorders steps, keeps each step\'s words with it, and shares the draft with a co-author', async () => {
		const { id, stepIds } = await spanishDraft();
		await call('walkthrough_move_step', { p_walkthrough_id: id, p_step_id: stepIds[2], p_up: true }, SOFIA);
		const moved = await call('walkthrough_editor', { p_walkthrough_id: id }, SOFIA);
		expect((moved.steps as Row[]).map((s) => s.id)).toEqual([stepIds[0], stepIds[2], stepIds[1]]);
		expect(((moved.steps as Row[])[1].text as Row).body).toBe('Revisa el vídeo y envíalo.');
		// The first step cannot move further up; nothing changes.
		await call('walkthrough_move_step', { p_walkthrough_id: id, p_step_id: stepIds[0], p_up: true }, SOFIA);
		expect(((await call('walkthrough_editor', { p_walkthrough_id: id }, SOFIA)).steps as Row[])[0].id).toBe(stepIds[0]);
		// Omar cannot see the draft until Sofía makes him a co-author; then he edits it too.
		await expect(call('walkthrough_editor', { p_walkthrough_id: id }, OMAR)).rejects.toMatchObject({ key: 'walkthrough.not_found' });
		await call('walkthrough_add_author', { p_walkthrough_id: id, p_user_id: OMAR }, SOFIA);
		expect((await call('walkthrough_editor', { p_walkthrough_id: id }, OMAR)).can).toMatchObject({ edit: true });
		// A form that does not know a step (a co-author added it meanwhile) never deletes it.
		await save(id, 'es', 'Grabar un vídeo en Flip', [{ id: stepIds[0], body: 'Abre Flip.' }]);
		expect(((await call('walkthrough_editor', { p_walkthrough_id: id }, SOFIA)).steps as Row[]).length).toBe(3);
		await call('walkthrough_delete_step', { p_walkthrough_id: id, p_step_id: stepIds[1] }, OMAR);
		const left = (await call('walkthrough_editor', { p_walkthrough_id: id }, SOFIA)).steps as Row[];
		expect(left.map((s) => [s.id, s.position])).toEqual([[stepIds[0], 1], [stepIds[2], 2]]);
		// A researcher cannot be made a co-author.
		await expect(
			call('walkthrough_add_author', { p_walkthrough_id: id, p_user_id: '20000000-0000-4000-8000-000000000002' }, SOFIA)
		).rejects.toMatchObject({ key: 'walkthrough.bad_author' });
	});

	it('refuses bad input with a clear key and saves nothing half-way', async () => {
		const { id } = await spanishDraft();
		await expect(save(id, 'es', 'ab', [])).rejects.toMatchObject({ key: 'walkthrough.bad_title' });
		await expect(save(id, 'fr', 'Titre valable', [])).rejects.toMatchObject({ key: 'walkthrough.bad_language' });
		await expect(save(id, 'es', 'Un título', [{ body: 'x'.repeat(4001) }])).rejects.toMatchObject({ kind: 'invalid' });
		// The failed saves changed nothing.
		const editor = await call('walkthrough_editor', { p_walkthrough_id: id }, SOFIA);
		expect((editor.steps as Row[]).length).toBe(3);
		expect((editor.version as Row).title).toBe('Grabar un vídeo en Flip');
		// Another mentor cannot edit it.
		await expect(save(id, 'es', 'Mío ahora', [], OMAR)).rejects.toMatchObject({ key: 'walkthrough.not_found' });
	});
});
