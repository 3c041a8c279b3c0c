// Fills a large school straight into the embedded database (the server must be stopped), and
// gives four of its people a session, as a sign-in would: the cookie is a random token and the
// database keeps only its SHA-256 in hex.
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

export const STUDENTS = 3000;
export const TEACHERS = 300;
export const OPEN_REQUESTS = 10000;
/** Open requests on one page of the mentor queue (api.help_queue). */
export const QUEUE_PAGE = 10;
export const WALKTHROUGHS = 5000;
const LANGUAGES = ['en', 'es', 'ar', 'vi', 'zh'];

// Plain SQL: one temporary table of people, then users, profiles and memberships from it.
// The password is a dummy: these accounts are only ever used through the sessions below.
const FILL_SQL = `
insert into public.schools (name, code, time_zone) values ('Bench High School', 'bench-high', 'America/Chicago');

create temporary table bench_people on commit drop as
  select gen_random_uuid() as id, 'student_mentor'::public.school_role as role,
         format('student%s@bench-high.students.invalid', lpad(i::text, 4, '0')) as email,
         format('Student %s', i) as display_name, format('student%s', lpad(i::text, 4, '0')) as username,
         (array['{en}', '{es,en}', '{vi,en}', '{ar,en}', '{zh,en}'])[1 + i % 5]::text[] as languages
  from generate_series(1, ${STUDENTS}) i
  union all
  select gen_random_uuid(), 'teacher', format('teacher%s@bench-high.example.org', lpad(i::text, 3, '0')),
         format('Teacher %s', i), null, '{en}'
  from generate_series(1, ${TEACHERS}) i
  union all
  select gen_random_uuid(), 'researcher', 'researcher@bench-high.example.org', 'Bench Researcher', null, '{en}'
  union all
  select gen_random_uuid(), 'coordinator', 'coordinator@bench-high.example.org', 'Bench Coordinator', null, '{en}';

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at)
  select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', email, 'bench-no-password', now()
  from bench_people;

insert into public.profiles (user_id, school_id, display_name, username, preferred_languages)
  select p.id, s.id, p.display_name, p.username, p.languages
  from bench_people p cross join public.schools s where s.code = 'bench-high';

insert into public.memberships (user_id, school_id, role)
  select p.id, s.id, p.role
  from bench_people p cross join public.schools s where s.code = 'bench-high';
`;

// Open help requests for a school ($1: its code, $2: how many), each with its details row, spread
// across the school's teachers and tools, five language sets, three urgencies and a minute apart
// (request i was asked i minutes ago); one in ten keeps its words private. submission_id is
// random, so unique per teacher. The request with the largest i is the oldest of its urgency.
export const OPEN_REQUESTS_SQL = `
with s as (select id from public.schools where code = $1),
teachers as (
  select m.user_id, row_number() over (order by m.user_id) - 1 as n
  from public.memberships m join s on s.id = m.school_id where m.role = 'teacher'),
tools as (
  select t.id, row_number() over (order by t.name) - 1 as n from public.tools t join s on s.id = t.school_id),
r as (
  insert into public.help_requests (school_id, teacher_id, tool_id, subject, grade, learner_flags, languages,
    available_days, urgency, is_private, submission_id, created_at, updated_at)
  select s.id, te.user_id, tl.id, format('Bench request %s', i), (6 + i % 7)::text,
         (array['{}', '{english_learners}', '{dyslexic}', '{whole_class}'])[1 + i % 4]::text[],
         (array['{en}', '{es,en}', '{vi,en}', '{ar,en}', '{zh,en}'])[1 + i % 5]::text[],
         (array['{}', '{mon,wed}', '{tue,thu}', '{fri}'])[1 + i % 4]::text[],
         1 + i % 3, i % 10 = 0, gen_random_uuid(), now() - make_interval(mins => i), now() - make_interval(mins => i)
  from generate_series(1, $2::int) i cross join s
  join teachers te on te.n = i % (select count(*) from teachers)
  join tools tl on tl.n = i % (select count(*) from tools)
  returning id, school_id, subject)
insert into public.help_request_details (request_id, school_id, goal)
  select r.id, r.school_id, r.subject || ': show my class how to hand in work and see my feedback.' from r`;

// Published walkthroughs for a school ($1: its code, $2: how many), by its mentors, about its
// tools, each written in one of the five languages and translated into the four others, five steps
// with a tip on step 2. Published as the app publishes: a frozen snapshot and search rows.
const STEP_WORDS = {
	en: 'Open the tool and press the green button to record. This is step',
	es: 'Abre la herramienta y pulsa el botón verde para grabar. Este es el paso',
	ar: 'افتح الأداة واضغط الزر الأخضر للتسجيل. هذه هي الخطوة',
	vi: 'Mở công cụ và nhấn nút màu xanh để ghi hình. Đây là bước',
	zh: '打开工具，按绿色按钮开始录制。这是第几步：'
};
const TITLES = { en: 'How to use', es: 'Cómo usar', ar: 'كيف تستخدم', vi: 'Cách dùng', zh: '如何使用' };
export const WALKTHROUGHS_SQL = `
with s as (select id from public.schools where code = $1),
mentors as (
  select m.user_id, row_number() over (order by m.user_id) - 1 as n
  from public.memberships m join s on s.id = m.school_id where m.role = 'student_mentor'),
tools as (select t.id, t.name, row_number() over (order by t.name) - 1 as n from public.tools t join s on s.id = t.school_id),
words (language, step, title) as (values ${LANGUAGES.map((l) => `('${l}', '${STEP_WORDS[l]}', '${TITLES[l]}')`).join(', ')}),
w as (
  insert into public.walkthroughs (school_id, tool_id, created_by, original_language, difficulty, minutes, created_at, updated_at)
  select s.id, tl.id, me.user_id, (array['en', 'es', 'ar', 'vi', 'zh'])[1 + i % 5], 1 + i % 5, 5 + i % 30,
         now() - make_interval(hours => i), now() - make_interval(hours => i)
  from generate_series(1, $2::int) i cross join s
  join mentors me on me.n = i % (select count(*) from mentors)
  join tools tl on tl.n = i % (select count(*) from tools)
  returning id, school_id, created_by, tool_id),
a as (insert into public.walkthrough_authors (walkthrough_id, user_id, school_id) select id, created_by, school_id from w),
v as (
  insert into public.walkthrough_versions (walkthrough_id, language, school_id, title, outcome, prerequisites)
  select w.id, x.language, w.school_id, format('%s %s (%s)', x.title, (select name from tools where tools.id = w.tool_id), left(w.id::text, 8)),
         x.step, ''
  from w cross join words x),
st as (
  insert into public.walkthrough_steps (walkthrough_id, school_id, position)
  select w.id, w.school_id, p from w cross join generate_series(1, 5) p
  returning id, walkthrough_id, school_id, position)
insert into public.walkthrough_step_texts (step_id, language, walkthrough_id, school_id, body, callout_kind, callout)
select st.id, x.language, st.walkthrough_id, st.school_id, format('%s %s. **%s**', x.step, st.position, x.title),
       case when st.position = 2 then 'tip' end, case when st.position = 2 then x.title else '' end
from st cross join words x`;

export const PUBLISH_ALL_SQL = `
with rev as (
  insert into public.walkthrough_revisions (walkthrough_id, school_id, reason, snapshot)
  select w.id, w.school_id, 'published', app_private.walkthrough_snapshot(w.id) || jsonb_build_object('published_at', now())
  from public.walkthroughs w join public.schools s on s.id = w.school_id
  where s.code = $1 and w.status = 'draft'
  returning id, walkthrough_id)
update public.walkthroughs w set status = 'published', published_revision_id = rev.id, published_at = now()
from rev where w.id = rev.walkthrough_id`;

const INDEX_ALL_SQL = `
do $$
declare r record;
begin
  for r in select x.walkthrough_id, x.snapshot from public.walkthrough_revisions x
           join public.walkthroughs w on w.id = x.walkthrough_id and w.published_revision_id = x.id loop
    perform app_private.index_walkthrough(r.walkthrough_id, r.snapshot);
  end loop;
end $$`;

/** What a mentor's queue must list first: the most urgent, then oldest, open request. */
export const FIRST_IN_QUEUE_SQL = `select r.subject from public.help_requests r join public.schools s on s.id = r.school_id
  where s.code = $1 and r.status = 'open' order by r.urgency desc, r.created_at, r.id limit 1`;

// The bench users, one per role, by email.
export const BENCH_USERS = {
	coordinator: 'coordinator@bench-high.example.org',
	teacher: 'teacher001@bench-high.example.org',
	student_mentor: 'student0001@bench-high.students.invalid',
	researcher: 'researcher@bench-high.example.org'
};

/** DATA_DIR/pgdata opened as the app opens it (the server must be stopped). */
function openBenchDb(dataDir) {
	return PGlite.create({
		dataDir: path.join(dataDir, 'pgdata'),
		postgresqlconf: ['shared_buffers=16MB'],
		extensions: { unaccent }
	});
}

/**
 * Opens DATA_DIR/pgdata with the app's settings, adds the school, its open help requests and the
 * sessions, closes. Returns { role: { token, displayName } }, the school's head count, how many
 * requests are open and the subject the queue must show first.
 */
export async function fillBigSchool(dataDir) {
	const pg = await openBenchDb(dataDir);
	try {
		await pg.transaction(async (tx) => {
			await tx.exec(FILL_SQL);
			await tx.query(OPEN_REQUESTS_SQL, ['bench-high', OPEN_REQUESTS]);
			await tx.query(WALKTHROUGHS_SQL, ['bench-high', WALKTHROUGHS]);
			await tx.query(PUBLISH_ALL_SQL, ['bench-high']);
			await tx.exec(INDEX_ALL_SQL);
		});
		// A draft of the bench mentor's with one step, for the screenshot upload.
		const draft = await pg.query(
			`with w as (insert into public.walkthroughs (school_id, tool_id, created_by, original_language)
			   select s.id, (select id from public.tools t where t.school_id = s.id order by name limit 1), u.id, 'en'
			   from public.schools s, auth.users u where s.code = 'bench-high' and u.email = $1 returning id, school_id, created_by, tool_id),
			 a as (insert into public.walkthrough_authors (walkthrough_id, user_id, school_id) select id, created_by, school_id from w),
			 v as (insert into public.walkthrough_versions (walkthrough_id, language, school_id, title) select id, 'en', school_id, 'Bench upload' from w)
			 insert into public.walkthrough_steps (walkthrough_id, school_id, position) select id, school_id, 1 from w
			 returning walkthrough_id, id as step_id, (select tool_id from w) as tool_id`,
			[BENCH_USERS.student_mentor]
		);
		const sessions = {};
		for (const [role, email] of Object.entries(BENCH_USERS)) {
			const token = randomBytes(32).toString('base64url');
			const hash = createHash('sha256').update(token).digest('hex');
			const { rows } = await pg.query(
				`insert into auth.sessions (user_id, token_hash, not_after)
				 select u.id, $1, now() + interval '1 day' from auth.users u where u.email = $2
				 returning (select display_name from public.profiles where user_id = auth.sessions.user_id) as display_name`,
				[hash, email]
			);
			if (rows.length !== 1) throw new Error(`No bench user ${email}`);
			sessions[role] = { token, displayName: rows[0].display_name };
		}
		const { rows } = await pg.query(
			`select (select count(*)::int from public.profiles p join public.schools s on s.id = p.school_id where s.code = 'bench-high') as people,
			        (select count(*)::int from public.help_requests r join public.schools s on s.id = r.school_id
			         where s.code = 'bench-high' and r.status = 'open') as "openRequests"`
		);
		const first = await pg.query(FIRST_IN_QUEUE_SQL, ['bench-high']);
		// The walkthrough page is measured on one written in Spanish (its original).
		const guide = await pg.query(
			`select w.id, count(*) over ()::int as published from public.walkthroughs w join public.schools s on s.id = w.school_id
			 where s.code = 'bench-high' and w.status = 'published' and w.original_language = 'es' order by w.created_at desc limit 1`
		);
		const counts = await pg.query(
			`select count(distinct w.id)::int as walkthroughs, count(*)::int as versions
			 from public.walkthrough_search x join public.walkthroughs w on w.id = x.walkthrough_id
			 join public.schools s on s.id = w.school_id where s.code = 'bench-high'`
		);
		return {
			sessions,
			...rows[0],
			firstInQueue: first.rows[0].subject,
			walkthroughId: guide.rows[0].id,
			walkthroughs: counts.rows[0],
			upload: draft.rows[0]
		};
	} finally {
		await pg.close();
	}
}

// A second school for the queue's scaling check: one mentor and 30 teachers.
const SCALE_SCHOOL_SQL = `
insert into public.schools (name, code, time_zone) values ('Bench Scale School', 'bench-scale', 'America/Chicago');
create temporary table bench_scale_people on commit drop as
  select gen_random_uuid() as id, 'teacher'::public.school_role as role,
         format('teacher%s@bench-scale.example.org', i) as email, format('Scale Teacher %s', i) as display_name,
         null::text as username
  from generate_series(1, 30) i
  union all
  select gen_random_uuid(), 'student_mentor', 'mentor@bench-scale.students.invalid', 'Scale Mentor', 'mentor';
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at)
  select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', email, 'bench-no-password', now()
  from bench_scale_people;
insert into public.profiles (user_id, school_id, display_name, username)
  select p.id, s.id, p.display_name, p.username from bench_scale_people p cross join public.schools s where s.code = 'bench-scale';
insert into public.memberships (user_id, school_id, role)
  select p.id, s.id, p.role from bench_scale_people p cross join public.schools s where s.code = 'bench-scale';
`;

/** Median ms of `runs` calls of api.help_queue as the user, each in its own transaction as the app makes it. */
async function timeQueue(pg, userId, runs) {
	const claims = JSON.stringify({ sub: userId, role: 'authenticated' });
	const call = () =>
		pg.transaction(async (tx) => {
			await tx.query(
				`select set_config('request.jwt.claims', $1, true), set_config('request.jwt.claim.sub', $2, true),
				        set_config('role', 'authenticated', true)`,
				[claims, userId]
			);
			return (await tx.query('select api.help_queue() as result')).rows[0].result;
		});
	for (let i = 0; i < 20; i++) await call(); // warm: plans cached, pages in shared buffers
	const times = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		const { requests } = await call();
		times.push(performance.now() - start);
		if (requests.length !== QUEUE_PAGE)
			throw new Error(`api.help_queue listed ${requests.length} requests, not ${QUEUE_PAGE}`);
	}
	return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/**
 * The mentor queue must not grow with the queue: opens DATA_DIR/pgdata (server stopped), adds a
 * school with `small` open requests, times api.help_queue, adds requests up to `large`, times it
 * again. Statistics are refreshed after each fill, as the server does at start-up (pglite.ts).
 */
export async function queueScaling(
	dataDir,
	log,
	{ small = 100, large = 100_000, runs = 200 } = {}
) {
	const pg = await openBenchDb(dataDir);
	try {
		await pg.transaction(async (tx) => {
			await tx.exec(SCALE_SCHOOL_SQL);
			await tx.query(OPEN_REQUESTS_SQL, ['bench-scale', small]);
		});
		await pg.exec('analyze public.help_requests, public.help_request_details');
		const { rows } = await pg.query(
			`select id from auth.users where email = 'mentor@bench-scale.students.invalid'`
		);
		const mentor = rows[0].id;
		const smallMs = await timeQueue(pg, mentor, runs);
		log(
			`queue scaling: ${small} open requests, api.help_queue median ${smallMs.toFixed(2)} ms; adding ${large - small}`
		);
		const started = performance.now();
		await pg.transaction((tx) => tx.query(OPEN_REQUESTS_SQL, ['bench-scale', large - small]));
		await pg.exec('analyze public.help_requests, public.help_request_details');
		log(`queue scaling: added in ${((performance.now() - started) / 1000).toFixed(1)} s`);
		const largeMs = await timeQueue(pg, mentor, runs);
		log(`queue scaling: ${large} open requests, api.help_queue median ${largeMs.toFixed(2)} ms`);
		return {
			small: { open: small, ms: smallMs },
			large: { open: large, ms: largeMs },
			ratio: largeMs / smallMs
		};
	} finally {
		await pg.close();
	}
}
