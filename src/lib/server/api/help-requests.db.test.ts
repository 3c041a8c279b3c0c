// The help request loop against a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is
// set), through the same db.call the server uses: RLS and the api functions decide everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTargets, type TestDatabase } from '../db/testing';
import type { Caller } from '../db';

const SCHOOL = '10000000-0000-4000-8000-000000000001';
const COORDINATOR = '20000000-0000-4000-8000-000000000001';
const RESEARCHER = '20000000-0000-4000-8000-000000000002';
const TEACHER = '20000000-0000-4000-8000-000000000003';
const OTHER_TEACHER = '20000000-0000-4000-8000-000000000004';
const SOFIA = '20000000-0000-4000-8000-000000000015';
const OMAR = '20000000-0000-4000-8000-000000000016';

const as = (sub: string): Caller => ({ kind: 'claims', claims: { sub, role: 'authenticated' } });
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
let submissions = 0;
const submissionId = () => `5a000000-0000-4000-8000-${String(++submissions).padStart(12, '0')}`;

describe.each(testTargets())('help requests on $target', ({ open }) => {
	let t: TestDatabase;
	let flipId: string;
	const call = (fn: Parameters<TestDatabase['db']['call']>[0], args: Record<string, unknown>, who: string) =>
		t.db.call(fn, args, as(who)) as Promise<Record<string, unknown>>;

	async function post(teacher = TEACHER, extra: Record<string, unknown> = {}) {
		const result = await call(
			'post_help_request',
			{
				p_submission_id: submissionId(),
				p_tool_id: flipId,
				p_goal: 'My English learners should record read-alouds in Flip.',
				p_subject: 'English',
				p_grade: '7',
				p_learner_flags: ['english_learners'],
				p_languages: ['es', 'en'],
				p_available_days: ['tue', 'thu'],
				p_available_times: ['lunch'],
				p_urgency: 2,
				p_private: false,
				...extra
			},
			teacher
		);
		return String(result.id);
	}

	beforeAll(async () => {
		t = await open();
		const [tool] = await t.query(`select id from public.tools where school_id = $1 and name = 'Flip'`, [SCHOOL]);
		flipId = String(tool.id);
	});
	afterAll(() => t.close());

	it('runs the whole loop: post, claim, propose, accept, log, thank, verify, portfolio', async () => {
		const id = await post();
		expect(await call('claim_help_request', { p_request_id: id }, SOFIA)).toMatchObject({ status: 'claimed' });
		const proposal = await call('propose_session', { p_request_id: id, p_starts_at: tomorrow(), p_place: 'playground' }, SOFIA);
		// The teacher sees who claimed it and was told, twice: claimed, then a time proposed.
		const page = await call('help_request', { p_request_id: id }, TEACHER);
		expect(page.request).toMatchObject({ claimed_by: 'Sofía R.', status: 'claimed' });
		expect(page.can).toMatchObject({ accept: true, close: false });
		const bell = (await call('my_notifications', {}, TEACHER)).notifications as Array<{ kind: string }>;
		expect(bell.slice(0, 2).map((n) => n.kind)).toEqual(['proposed', 'claimed']);
		expect(await call('accept_session', { p_proposal_id: proposal.id }, TEACHER)).toMatchObject({ status: 'scheduled' });
		const log = await call(
			'log_session',
			{ p_request_id: id, p_covered: 'Recording, sharing a Flip link', p_minutes: 40, p_outcome: 'solved', p_next_steps: '', p_teacher_attended: true },
			SOFIA
		);
		expect(await call('close_help_request', { p_request_id: id, p_rating: 5, p_thanks: '¡Gracias, Sofía!' }, TEACHER)).toMatchObject({
			status: 'closed'
		});
		// Hours count only once the coordinator verifies them.
		expect(await call('mentor_portfolio', {}, SOFIA)).toMatchObject({ verified_minutes: 0, pending_minutes: 40 });
		await call('verify_session_log', { p_log_id: log.id }, COORDINATOR);
		const portfolio = await call('mentor_portfolio', {}, SOFIA);
		expect(portfolio).toMatchObject({ verified_minutes: 40, teachers_helped: 1, tools_taught: ['Flip'] });
		expect(portfolio.thanks).toEqual([expect.objectContaining({ note: '¡Gracias, Sofía!', rating: 5, teacher: 'Marcus Bell' })]);
		const mentorBell = (await call('my_notifications', {}, SOFIA)).notifications as Array<{ kind: string }>;
		expect(mentorBell.map((n) => n.kind)).toContain('thanks');
	});

	it('lists the open queue most urgent first, 10 a page, and the mentor\'s own requests beside it', async () => {
		type Card = { id: string; status: string; urgency: number };
		type Queue = { requests: Card[]; mine: Card[]; has_more: boolean; page: number };
		const queue = (page: number) => call('help_queue', { p_page: page }, OMAR) as Promise<Queue>;
		// The demo school already has urgent open requests; the new ones come after them, oldest first.
		// 11 new urgent ones fill page 1 and spill onto page 2 whatever the demo left open.
		const earlier = (await queue(1)).requests.filter((r) => r.urgency === 3).map((r) => r.id);
		const ids: string[] = [];
		for (let i = 0; i < 11; i++) ids.push(await post(TEACHER, { p_urgency: 3, p_subject: `Queue ${i}` }));
		const urgent = [...earlier, ...ids];
		const first = await queue(1);
		expect(first.requests.map((r) => r.id)).toEqual(urgent.slice(0, 10));
		expect(first.has_more).toBe(true);
		const second = await queue(2);
		expect(second.requests.map((r) => r.id).slice(0, urgent.length - 10)).toEqual(urgent.slice(10));
		expect(second.requests.slice(urgent.length - 10).every((r) => r.urgency < 3 && r.status === 'open')).toBe(true);
		// A claimed request leaves the open queue and is listed as the mentor's own.
		await call('claim_help_request', { p_request_id: ids[0] }, OMAR);
		const after = await queue(1);
		expect(after.requests.map((r) => r.id)).toEqual(urgent.filter((id) => id !== ids[0]).slice(0, 10));
		expect(after.mine.map((r) => r.id)).toContain(ids[0]);
		expect(after.mine.every((r) => r.status !== 'open')).toBe(true);
		// Other mentors' claims are not listed as Omar's.
		expect((await call('help_queue', {}, SOFIA)).mine as Card[]).not.toContainEqual(expect.objectContaining({ id: ids[0] }));
	});

	it('tells live listeners which school changed when a request is claimed through an api call', async () => {
		const heard: string[] = [];
		if (!t.db.listen) throw new Error('PGlite and PostgreSQL both offer live updates');
		const stop = await t.db.listen('help_requests', (payload) => heard.push(payload));
		try {
			const id = await post();
			await call('claim_help_request', { p_request_id: id }, SOFIA);
			await expect.poll(() => heard.map((p) => JSON.parse(p) as { school: string; request: string })).toContainEqual({
				school: SCHOOL,
				request: id
			});
		} finally {
			await stop();
		}
	});

	it('50 simultaneous claims of one request: exactly one wins, the others are told who holds it', async () => {
		// 50 mentors at the school, made directly (the coordinator's form is tested elsewhere).
		const mentors = Array.from({ length: 50 }, (_, i) => `6c000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
		await t.query(
			`insert into auth.users (id, email) select u, 'm' || substr(u::text, 25) || '@lakeside.students.invalid' from unnest($1::uuid[]) u`,
			[mentors]
		);
		await t.query(
			`insert into public.profiles (user_id, school_id, display_name, username)
			 select u, $2, 'Mentor ' || substr(u::text, 25), 'm' || substr(u::text, 25) from unnest($1::uuid[]) u`,
			[mentors, SCHOOL]
		);
		await t.query(`insert into public.memberships (user_id, school_id, role) select u, $2, 'student_mentor' from unnest($1::uuid[]) u`, [
			mentors,
			SCHOOL
		]);
		const id = await post();
		const results = await Promise.allSettled(mentors.map((m) => call('claim_help_request', { p_request_id: id }, m)));
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(won).toHaveLength(1);
		expect(lost).toHaveLength(49);
		const [row] = await t.query(`select p.display_name from public.help_requests r join public.profiles p on p.user_id = r.claimed_by where r.id = $1`, [id]);
		for (const r of lost) {
			expect(r.reason).toMatchObject({ kind: 'conflict', key: 'request.already_claimed', params: { name: row.display_name } });
		}
		const [{ n }] = await t.query(`select count(*)::int as n from public.request_events where request_id = $1 and kind = 'claimed'`, [id]);
		expect(n).toBe(1);
	});

	it('answers bad input with a clear key and saves nothing twice', async () => {
		// A double-clicked submit: the same form id twice is one request.
		const sid = submissionId();
		const first = await call('post_help_request', { ...formArgs(), p_submission_id: sid }, TEACHER);
		const second = await call('post_help_request', { ...formArgs(), p_submission_id: sid }, TEACHER);
		expect(second).toEqual({ id: first.id, duplicate: true });
		const [{ n }] = await t.query(`select count(*)::int as n from public.help_requests where submission_id = $1`, [sid]);
		expect(n).toBe(1);
		// Empty and oversized words are refused by the database too, not only by the form.
		await expect(call('post_help_request', { ...formArgs(), p_goal: ' ' }, TEACHER)).rejects.toMatchObject({ kind: 'invalid' });
		await expect(call('post_help_request', { ...formArgs(), p_goal: 'x'.repeat(2001) }, TEACHER)).rejects.toMatchObject({
			kind: 'invalid'
		});
		const id = await post();
		await call('claim_help_request', { p_request_id: id }, OMAR);
		// A double-clicked claim by the same mentor is still one claim.
		await call('claim_help_request', { p_request_id: id }, OMAR);
		await expect(
			call('propose_session', { p_request_id: id, p_starts_at: new Date(Date.now() - 3_600_000).toISOString(), p_place: 'playground' }, OMAR)
		).rejects.toMatchObject({ kind: 'invalid', key: 'session.in_past' });
		await call('cancel_help_request', { p_request_id: id, p_reason: 'Found it in the walkthroughs' }, TEACHER);
		await expect(call('claim_help_request', { p_request_id: id }, SOFIA)).rejects.toMatchObject({ kind: 'conflict', key: 'request.not_open' });
	});

	it('keeps private words from mentors who have not claimed, and from other teachers', async () => {
		const id = await post(TEACHER, { p_private: true, p_goal: 'I have never used a Chromebook and feel lost.' });
		const before = await call('help_request', { p_request_id: id }, SOFIA);
		expect(before.request).toMatchObject({ goal: null, goal_hidden: true, teacher: 'Marcus Bell' });
		await expect(call('help_request', { p_request_id: id }, OTHER_TEACHER)).rejects.toMatchObject({ kind: 'not_found' });
		await expect(call('help_request', { p_request_id: id }, RESEARCHER)).rejects.toMatchObject({ kind: 'not_found' });
		expect((await call('help_request', { p_request_id: id }, COORDINATOR)).request).toMatchObject({ goal_hidden: false });
		await call('claim_help_request', { p_request_id: id }, SOFIA);
		expect((await call('help_request', { p_request_id: id }, SOFIA)).request).toMatchObject({
			goal: 'I have never used a Chromebook and feel lost.'
		});
		expect((await call('help_request', { p_request_id: id }, OMAR)).request).toMatchObject({ goal: null });
	});

	it('reminds after 3 school days waiting on the teacher and closes 5 school days later, weekends not counted', async () => {
		const id = await post();
		await call('claim_help_request', { p_request_id: id }, SOFIA);
		await call('propose_session', { p_request_id: id, p_starts_at: tomorrow(), p_place: 'classroom' }, SOFIA);
		// Frozen clock: the proposal went out on Friday 2026-11-06 at 10:00 in Chicago.
		await t.query(`update public.help_requests set waiting_on_teacher_since = '2026-11-06 10:00-06' where id = $1`, [id]);
		const timers = (at: string) => t.db.service('app_private.run_help_request_timers', { p_now: at });
		const state = async () =>
			(await t.query(`select status, reminded_at is not null as reminded, auto_closed from public.help_requests where id = $1`, [id]))[0];
		await timers('2026-11-10 09:00-06'); // Tuesday: Mon, Tue = 2 school days
		expect(await state()).toEqual({ status: 'claimed', reminded: false, auto_closed: false });
		await timers('2026-11-11 07:00-06'); // Wednesday: 3 school days
		expect(await state()).toEqual({ status: 'claimed', reminded: true, auto_closed: false });
		const bell = (await call('my_notifications', {}, TEACHER)).notifications as Array<{ kind: string }>;
		expect(bell[0].kind).toBe('reminder');
		await timers('2026-11-17 12:00-06'); // 4 school days after the reminder (Thu, Fri, Mon, Tue)
		expect((await state()).status).toBe('claimed');
		await timers('2026-11-18 08:00-06'); // the 5th: closed, and the teacher can reopen it
		expect(await state()).toEqual({ status: 'closed', reminded: true, auto_closed: true });
		// Reopening is measured against the real clock: set the close to just now.
		await t.query(`update public.help_requests set closed_at = now() - interval '2 days' where id = $1`, [id]);
		expect(await call('reopen_help_request', { p_request_id: id }, TEACHER)).toMatchObject({ status: 'claimed' });
		await t.query(`update public.help_requests set status = 'closed', auto_closed = true, closed_at = now() - interval '8 days' where id = $1`, [id]);
		await expect(call('reopen_help_request', { p_request_id: id }, TEACHER)).rejects.toMatchObject({ key: 'request.reopen_expired' });
	});

	it('lets only the coordinator verify hours, and nobody rate their own help', async () => {
		const id = await post();
		await call('claim_help_request', { p_request_id: id }, OMAR);
		const log = await call(
			'log_session',
			{ p_request_id: id, p_covered: 'Kahoot basics', p_minutes: 30, p_outcome: 'partly', p_next_steps: 'Try a quiz', p_teacher_attended: true },
			OMAR
		);
		await expect(call('verify_session_log', { p_log_id: log.id }, OMAR)).rejects.toMatchObject({ kind: 'forbidden' });
		await expect(call('close_help_request', { p_request_id: id, p_rating: 5 }, OMAR)).rejects.toMatchObject({ kind: 'forbidden' });
		await expect(call('close_help_request', { p_request_id: id, p_rating: 0 }, TEACHER)).rejects.toMatchObject({ kind: 'invalid' });
	});

	function formArgs() {
		return {
			p_submission_id: submissionId(),
			p_tool_id: flipId,
			p_goal: 'Make a quiz for review day with my class.',
			p_subject: 'Science',
			p_grade: '8',
			p_learner_flags: [],
			p_languages: ['en'],
			p_available_days: [],
			p_available_times: [],
			p_urgency: 1,
			p_private: false
		};
	}
});
