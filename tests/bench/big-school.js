// Fills a large school straight into the embedded database (the server must be stopped), and
// gives four of its people a session, as a sign-in would: the cookie is a random token and the
// database keeps only its SHA-256 in hex.
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export const STUDENTS = 3000;
export const TEACHERS = 300;

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

// The bench users, one per role, by email.
export const BENCH_USERS = {
	coordinator: 'coordinator@bench-high.example.org',
	teacher: 'teacher001@bench-high.example.org',
	student_mentor: 'student0001@bench-high.students.invalid',
	researcher: 'researcher@bench-high.example.org'
};

/**
 * Opens DATA_DIR/pgdata with the app's settings, adds the school and the sessions, closes.
 * Returns { role: { token, displayName } } and the school's head count.
 */
export async function fillBigSchool(dataDir) {
	const pg = await PGlite.create({
		dataDir: path.join(dataDir, 'pgdata'),
		postgresqlconf: ['shared_buffers=16MB']
	});
	try {
		await pg.transaction((tx) => tx.exec(FILL_SQL));
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
			`select count(*)::int as people from public.profiles p join public.schools s on s.id = p.school_id where s.code = 'bench-high'`
		);
		return { sessions, people: rows[0].people };
	} finally {
		await pg.close();
	}
}
