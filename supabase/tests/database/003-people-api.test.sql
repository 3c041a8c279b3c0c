-- The people API (schema api) called as the server calls it: as the signed-in person, so RLS and
-- the functions' own checks both apply. Effects are then checked past RLS, as the superuser,
-- because auth.users and auth.sessions are out of the callers' reach.
begin;
select plan(52);

-- School A is the demo school (01 Dana coordinator, 02 researcher, 03.. teachers, 15.. mentors).
-- School B: 3..01 coordinator, 3..02 teacher, 3..03 student mentor "kai.s". 3..99 has a login
-- and no profile, like someone whose account was made but never joined a school.
insert into public.schools (id, name, code, is_demo) values
  ('10000000-0000-4000-8000-000000000002', 'Hillcrest Middle School', 'hillcrest', false);
insert into auth.users (id, email) values
  ('30000000-0000-4000-8000-000000000001', 'beth.cole@hillcrest.example.org'),
  ('30000000-0000-4000-8000-000000000002', 'ben.ito@hillcrest.example.org'),
  ('30000000-0000-4000-8000-000000000003', 'kai.s@hillcrest.students.invalid'),
  ('30000000-0000-4000-8000-000000000099', 'nobody.yet@example.org');
insert into public.profiles (user_id, school_id, display_name, username) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'Beth Cole', null),
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', 'Ben Ito', null),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'Kai S.', 'kai.s');
insert into public.memberships (user_id, school_id, role) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'coordinator'),
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', 'teacher'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'student_mentor');
-- Two devices each for Marcus (03), Rosa (04) and Omar (16); one for Ben at school B. Only id and
-- user_id, the columns Supabase's own auth.sessions shares with the local shim.
insert into auth.sessions (id, user_id) values
  ('c0000000-0000-4000-8000-000000000031', '20000000-0000-4000-8000-000000000003'),
  ('c0000000-0000-4000-8000-000000000032', '20000000-0000-4000-8000-000000000003'),
  ('c0000000-0000-4000-8000-000000000041', '20000000-0000-4000-8000-000000000004'),
  ('c0000000-0000-4000-8000-000000000042', '20000000-0000-4000-8000-000000000004'),
  ('c0000000-0000-4000-8000-000000000161', '20000000-0000-4000-8000-000000000016'),
  ('c0000000-0000-4000-8000-000000000162', '20000000-0000-4000-8000-000000000016'),
  ('c0000000-0000-4000-8000-000000000b21', '30000000-0000-4000-8000-000000000002');

-- ---------------------------------------------------------------------------------------------
-- Coordinator Dana (01): students.
set local role authenticated;
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);

select is(
  api.create_student(p_username => 'New.Kid', p_display_name => '  New K. ', p_languages => array['en', 'es'], p_password_hash => 'argon2-test-hash') ->> 'username',
  'new.kid', 'a coordinator creates a student');
select throws_ok($$ select api.create_student(p_username => 'sofia.r', p_display_name => 'Another Sofía', p_languages => array['en']) $$,
  'PT409', 'people.username_taken', 'a username already taken at the school is refused');
select throws_ok($$ select api.create_student(p_username => 'NEW.kid', p_display_name => 'Copy Cat', p_languages => array['en']) $$,
  'PT409', 'people.username_taken', 'usernames are unique regardless of case');
-- Usernames are per school: kai.s exists at school B only, and students sign in with the school code.
select is(
  api.create_student(p_username => 'kai.s', p_display_name => 'Kai T.', p_languages => null) ->> 'username',
  'kai.s', 'a username taken at another school is free here');
select results_eq(
  $$ select (api.school_people() ->> 'total')::int, jsonb_array_length(api.school_people() -> 'people'),
            jsonb_array_length(api.school_people(p_page => 2) -> 'people') $$,
  $$ values (26, 25, 1) $$,
  'the coordinator''s people pages (25 a page) count and list the school''s 24 people and the 2 new students, nobody from school B');

-- Coordinator Dana: deactivating.
select is(api.set_person_active('20000000-0000-4000-8000-000000000016', false) ->> 'active', 'false',
  'the coordinator deactivates a student');
select throws_ok($$ select api.set_person_active('20000000-0000-4000-8000-000000000001', false) $$,
  'PT403', 'people.cannot_deactivate', 'a coordinator cannot deactivate themselves');
select throws_ok($$ select api.set_person_active('30000000-0000-4000-8000-000000000002', false) $$,
  'PT404', 'people.not_found', 'a coordinator cannot deactivate a person of another school');

-- Coordinator Dana: invites.
select isnt(
  api.create_invite(p_email => ' New.Teacher@Lakeside.example.org ', p_role => 'teacher', p_token_hash => 'api-test-invite-1', p_valid_days => 7) ->> 'id',
  null, 'the coordinator invites a teacher');
select results_eq($$ select email, role::text, created_by from public.invites where token_hash = 'api-test-invite-1' $$,
  $$ values ('new.teacher@lakeside.example.org', 'teacher', '20000000-0000-4000-8000-000000000001'::uuid) $$,
  'the invite keeps the email normalized, the role and who sent it');
select throws_ok($$ select api.create_invite(p_email => 'kid@example.org', p_role => 'student_mentor', p_token_hash => 'api-test-invite-kid', p_valid_days => 7) $$,
  '23514', null, 'students are never invited by email');
select throws_ok($$ select api.create_invite(p_email => 'late@example.org', p_role => 'teacher', p_token_hash => 'api-test-invite-long', p_valid_days => 90) $$,
  'PT400', 'invite.bad_validity', 'an invite lasts at most 30 days');

-- ---------------------------------------------------------------------------------------------
-- Omar (16), deactivated a moment ago.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000016', 'role', 'authenticated')::text, true);
select throws_ok($$ select api.home() $$, 'PT401', 'auth.required', 'a deactivated person no longer gets a home page');
select throws_ok($$ select api.sign_out_everywhere() $$, 'PT401', 'auth.required', 'a deactivated person has no API left');

-- Teacher Marcus (03): none of the coordinator's functions, and only his own sessions.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);
select throws_ok($$ select api.create_student(p_username => 'sneaky', p_display_name => 'Sneaky', p_languages => array['en']) $$,
  'PT403', 'auth.forbidden', 'a teacher cannot create a student');
select throws_ok($$ select api.school_people() $$, 'PT403', 'auth.forbidden', 'a teacher cannot open the people page');
select throws_ok($$ select api.set_person_active('20000000-0000-4000-8000-000000000004', false) $$,
  'PT403', 'auth.forbidden', 'a teacher cannot deactivate a colleague');
select throws_ok($$ select api.create_invite(p_email => 'friend@example.org', p_role => 'teacher', p_token_hash => 'api-test-invite-t', p_valid_days => 7) $$,
  'PT403', 'auth.forbidden', 'a teacher cannot invite');
select throws_ok($$ select api.reset_student_password('20000000-0000-4000-8000-000000000015', 'argon2-test-hash') $$,
  'PT403', 'auth.forbidden', 'a teacher cannot reset a student''s password');
-- The helper behind sign-out is callable by anyone signed in; it must check the target itself.
select throws_ok($$ select app_private.end_sessions('20000000-0000-4000-8000-000000000004') $$,
  'PT403', 'auth.forbidden', 'a teacher cannot end a colleague''s sessions through the helper');
select throws_ok($$ select app_private.set_sign_in_allowed('20000000-0000-4000-8000-000000000004', false) $$,
  'PT403', 'auth.forbidden', 'a teacher cannot lock a colleague out through the helper');
select is(api.sign_out_everywhere(), '{"ok": true}'::jsonb, 'a teacher signs out everywhere');
select is((api.home() -> 'coordinator'), 'null'::jsonb, 'a teacher''s home page has no coordinator part');

-- Researcher Priya (02).
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000002', 'role', 'authenticated')::text, true);
select throws_ok($$ select api.school_people() $$, 'PT403', 'auth.forbidden', 'a researcher cannot open the people page');

-- A login without a profile is not a member of anything.
select set_config('request.jwt.claims', json_build_object('sub', '30000000-0000-4000-8000-000000000099', 'role', 'authenticated')::text, true);
select throws_ok($$ select api.home() $$, 'PT401', 'auth.required', 'a login without a profile gets no home page');

-- ---------------------------------------------------------------------------------------------
-- What the calls above did, seen past RLS.
reset role;
select results_eq(
  $$ select p.school_id, p.display_name, p.preferred_languages, m.role::text, u.email, u.encrypted_password
     from public.profiles p join public.memberships m using (user_id) join auth.users u on u.id = p.user_id
     where p.username = 'new.kid' $$,
  $$ values ('10000000-0000-4000-8000-000000000001'::uuid, 'New K.', array['en', 'es'], 'student_mentor',
             'new.kid@lakeside.students.invalid', 'argon2-test-hash') $$,
  'the new student has a trimmed name, a student role, and a login without a real email');
select isnt((select deactivated_at from public.profiles where user_id = '20000000-0000-4000-8000-000000000016'), null,
  'the deactivated student is marked deactivated');
select isnt((select banned_until from auth.users where id = '20000000-0000-4000-8000-000000000016'), null,
  'the deactivated student cannot sign in again');
select is((select banned_until from auth.users where id = '20000000-0000-4000-8000-000000000004'), null,
  'the colleague the teacher tried to lock out can still sign in');
select results_eq($$ select user_id, count(*)::int from auth.sessions where id::text like 'c0000000-%' group by user_id order by user_id $$,
  $$ values ('20000000-0000-4000-8000-000000000004'::uuid, 2), ('30000000-0000-4000-8000-000000000002'::uuid, 1) $$,
  'deactivating ended the student''s sessions, signing out ended the teacher''s own, and nobody else''s');
select is((select deactivated_at from public.profiles where user_id = '30000000-0000-4000-8000-000000000002'), null,
  'the person of school B is still active');

-- ---------------------------------------------------------------------------------------------
-- Coordinator Dana again: reactivating, and the home page.
set local role authenticated;
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);
select is(api.set_person_active('20000000-0000-4000-8000-000000000016', true) ->> 'active', 'true',
  'the coordinator reactivates the student');
select is((select deactivated_at from public.profiles where user_id = '20000000-0000-4000-8000-000000000016'), null,
  'the reactivated student is active again');
reset role;
select is((select banned_until from auth.users where id = '20000000-0000-4000-8000-000000000016'), null,
  'the reactivated student may sign in again');
set local role authenticated;
select is(api.home() -> 'coordinator' ->> 'students', '12',
  'the coordinator''s home page counts 10 seeded and 2 new students');
select is(api.home() -> 'coordinator' ->> 'open_invites', '1', 'and the one open invite');

-- ---------------------------------------------------------------------------------------------
-- Nobody signed in: holding an invite link is the only thing that counts.
reset role;
insert into public.invites (school_id, email, role, token_hash, expires_at, created_by) values
  ('10000000-0000-4000-8000-000000000001', 'too.late@lakeside.example.org', 'teacher', 'api-test-invite-old',
   now() - interval '1 minute', '20000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000001', 'withdrawn@lakeside.example.org', 'teacher', 'api-test-invite-revoked',
   now() + interval '7 days', '20000000-0000-4000-8000-000000000001');
update public.invites set revoked_at = now() where token_hash = 'api-test-invite-revoked';
set local role anon;
select set_config('request.jwt.claims', json_build_object('role', 'anon')::text, true);

select is(api.me(), null, 'anon is nobody');
-- Every api function is callable signed out; each must answer "please sign in" on its own.
select throws_ok($$ select api.home() $$, 'PT401', 'auth.required', 'anon is asked to sign in for the home page');
select throws_ok($$ select api.create_student(p_username => 'anon.kid', p_display_name => 'Anon', p_languages => array['en']) $$,
  'PT401', 'auth.required', 'anon cannot create a student');
select throws_ok($$ select api.set_person_active('20000000-0000-4000-8000-000000000003', false) $$,
  'PT401', 'auth.required', 'anon cannot deactivate anyone');
select throws_ok($$ select api.school_people() $$, 'PT401', 'auth.required', 'anon cannot open the people page');
select is(api.invite_preview('api-test-invite-1'),
  '{"school_name": "Lakeside Junior High", "email": "new.teacher@lakeside.example.org", "role": "teacher", "usable": true}'::jsonb,
  'the invite link shows the school, the email and the role');
select isnt(api.accept_invite(p_token_hash => 'api-test-invite-1', p_display_name => ' Nora Quinn ', p_password_hash => 'argon2-nora') ->> 'user_id',
  null, 'anon accepts the invite');
select throws_ok($$ select api.accept_invite(p_token_hash => 'api-test-invite-1', p_display_name => 'Nora Again', p_password_hash => 'argon2-again') $$,
  'PT409', 'invite.used', 'an invite works once');
select throws_ok($$ select api.accept_invite(p_token_hash => 'api-test-invite-old', p_display_name => 'Too Late', p_password_hash => 'argon2-late') $$,
  'PT410', 'invite.expired', 'an expired invite is refused');
select throws_ok($$ select api.accept_invite(p_token_hash => 'api-test-invite-revoked', p_display_name => 'Withdrawn', p_password_hash => 'argon2-w') $$,
  'PT404', 'invite.not_found', 'a revoked invite is refused');
select throws_ok($$ select api.accept_invite(p_token_hash => 'api-test-invite-guess', p_display_name => 'Guesser', p_password_hash => 'argon2-g') $$,
  'PT404', 'invite.not_found', 'a made-up token is refused');
select throws_ok($$ select id from public.invites $$, '42501', 'permission denied for table invites',
  'anon still cannot read invites');

reset role;
select results_eq(
  $$ select p.school_id, p.display_name, m.role::text, u.encrypted_password
     from auth.users u join public.profiles p on p.user_id = u.id join public.memberships m on m.user_id = u.id
     where u.email = 'new.teacher@lakeside.example.org' $$,
  $$ values ('10000000-0000-4000-8000-000000000001'::uuid, 'Nora Quinn', 'teacher', 'argon2-nora') $$,
  'accepting made one login, one profile and one teacher role at the inviting school');
select isnt((select accepted_at from public.invites where token_hash = 'api-test-invite-1'), null,
  'the accepted invite is marked used');
select is_empty($$ select id from auth.users where email in ('too.late@lakeside.example.org', 'withdrawn@lakeside.example.org') $$,
  'refused invites made no login');
select is((select count(*)::int from public.invites where token_hash like 'api-test-invite-%'), 3,
  'only the coordinator''s invite (and the two planted ones) exist: refused calls wrote nothing');

select * from finish();
rollback;
