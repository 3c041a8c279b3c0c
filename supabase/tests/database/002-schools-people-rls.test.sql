-- Row level security on schools, profiles, memberships, invites and demo_personas: for each table,
-- who may read and write what, allowed and denied. School A is the demo school from seed.sql;
-- school B is made here so that every cross-school rule has somebody to try to break it.
-- Row counts are taken as the impersonated role (a data-modifying `with` returns the rows it
-- touched), so a policy that lets a write through fails the test instead of passing silently.
begin;
select plan(67);

-- School A (seed): 01 Dana, coordinator + teacher; 02 researcher; 03..14 teachers; 15..24 mentors.
-- School B: 3..01 coordinator, 3..02 teacher, 3..03 student mentor. 3..99 has a login, no profile.
insert into public.schools (id, name, code, time_zone, is_demo) values
  ('10000000-0000-4000-8000-000000000002', 'Hillcrest Middle School', 'hillcrest', 'America/Chicago', false);
insert into auth.users (id, email) values
  ('30000000-0000-4000-8000-000000000001', 'beth.cole@hillcrest.example.org'),
  ('30000000-0000-4000-8000-000000000002', 'ben.ito@hillcrest.example.org'),
  ('30000000-0000-4000-8000-000000000003', 'kai.s@hillcrest.students.invalid'),
  ('30000000-0000-4000-8000-000000000099', 'nobody.yet@lakeside.example.org');
insert into public.profiles (user_id, school_id, display_name, username) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'Beth Cole', null),
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', 'Ben Ito', null),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'Kai S.', 'kai.s');
insert into public.memberships (user_id, school_id, role) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'coordinator'),
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', 'teacher'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'student_mentor');
insert into public.invites (id, school_id, email, role, token_hash, expires_at, created_by) values
  ('a0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'new.teacher@lakeside.example.org',
   'teacher', 'rls-test-hash-a', now() + interval '7 days', '20000000-0000-4000-8000-000000000001'),
  ('b0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'new.teacher@hillcrest.example.org',
   'teacher', 'rls-test-hash-b', now() + interval '7 days', '30000000-0000-4000-8000-000000000001');
-- Nothing should ever write a persona row for a real school; if one exists it must stay hidden.
insert into public.demo_personas (user_id, school_id) values
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002');

-- ---------------------------------------------------------------------------------------------
-- The coordinator of school B against school A.
set local role authenticated;
select set_config('request.jwt.claims', json_build_object('sub', '30000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);

-- schools
select results_eq($$ select id from public.schools $$, array['10000000-0000-4000-8000-000000000002'::uuid],
  'coordinator of B reads their own school and not school A');
select results_eq($$ with u as (update public.schools set name = 'Taken Over' where id = '10000000-0000-4000-8000-000000000001' returning 1) select count(*)::int from u $$,
  array[0], 'coordinator of B cannot rename school A');
select results_eq($$ with u as (update public.schools set name = 'Hillcrest Middle' where id = '10000000-0000-4000-8000-000000000002' returning 1) select count(*)::int from u $$,
  array[1], 'coordinator of B renames their own school');
select throws_ok($$ insert into public.schools (name, code) values ('Rogue School', 'rogue') $$,
  '42501', 'permission denied for table schools', 'not even a coordinator creates a school directly');
select throws_ok($$ delete from public.schools where id = '10000000-0000-4000-8000-000000000001' $$,
  '42501', 'permission denied for table schools', 'coordinator of B cannot delete school A');

-- profiles
select results_eq($$ select user_id from public.profiles order by user_id $$,
  array['30000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000003']::uuid[],
  'coordinator of B reads the people of their school and nobody else');
select throws_ok($$ insert into public.profiles (user_id, school_id, display_name) values ('30000000-0000-4000-8000-000000000099', '10000000-0000-4000-8000-000000000001', 'Planted') $$,
  '42501', 'new row violates row-level security policy for table "profiles"', 'coordinator of B cannot add a person to school A');
select results_eq($$ with u as (update public.profiles set display_name = 'Renamed' where school_id = '10000000-0000-4000-8000-000000000001' returning 1) select count(*)::int from u $$,
  array[0], 'coordinator of B cannot rename people of school A');
select results_eq($$ with u as (update public.profiles set deactivated_at = now() where school_id = '10000000-0000-4000-8000-000000000001' returning 1) select count(*)::int from u $$,
  array[0], 'coordinator of B cannot deactivate people of school A');
select throws_ok($$ delete from public.profiles where school_id = '10000000-0000-4000-8000-000000000001' $$,
  '42501', 'permission denied for table profiles', 'coordinator of B cannot delete people of school A');

-- memberships
select is((select count(*)::int from public.memberships where school_id = '10000000-0000-4000-8000-000000000001'), 0,
  'coordinator of B reads no roles of school A');
select throws_ok($$ insert into public.memberships (user_id, school_id, role) values ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'coordinator') $$,
  '42501', 'new row violates row-level security policy for table "memberships"', 'coordinator of B cannot grant roles at school A');
select throws_ok($$ insert into public.memberships (user_id, school_id, role) values ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'teacher') $$,
  '42501', 'new row violates row-level security policy for table "memberships"', 'coordinator of B cannot pull a person of school A into school B');
select results_eq($$ with d as (delete from public.memberships where school_id = '10000000-0000-4000-8000-000000000001' returning 1) select count(*)::int from d $$,
  array[0], 'coordinator of B cannot remove roles at school A');
select throws_ok($$ update public.memberships set role = 'coordinator' where user_id = '20000000-0000-4000-8000-000000000003' $$,
  '42501', 'permission denied for table memberships', 'roles are never updated in place');

-- invites
select results_eq($$ select id from public.invites $$, array['b0000000-0000-4000-8000-000000000001'::uuid],
  'coordinator of B reads their own invites and not those of school A');
select throws_ok($$ insert into public.invites (school_id, email, role, token_hash, expires_at) values ('10000000-0000-4000-8000-000000000001', 'mole@example.org', 'coordinator', 'rls-test-hash-x', now() + interval '1 day') $$,
  '42501', 'new row violates row-level security policy for table "invites"', 'coordinator of B cannot invite anyone to school A');
select results_eq($$ with u as (update public.invites set revoked_at = now() where id = 'a0000000-0000-4000-8000-000000000001' returning 1) select count(*)::int from u $$,
  array[0], 'coordinator of B cannot revoke invites of school A');
select throws_ok($$ delete from public.invites where id = 'a0000000-0000-4000-8000-000000000001' $$,
  '42501', 'permission denied for table invites', 'coordinator of B cannot delete invites of school A');

-- demo_personas: readable where the school is a demo school, writable by nobody signed in.
select is_empty($$ select user_id from public.demo_personas where school_id = '10000000-0000-4000-8000-000000000002' $$,
  'a persona row of a real school stays hidden, even from its own coordinator');
select throws_ok($$ insert into public.demo_personas (user_id, school_id) values ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001') $$,
  '42501', 'permission denied for table demo_personas', 'coordinator of B cannot add a persona to school A');
select throws_ok($$ update public.demo_personas set sort_order = 99 $$,
  '42501', 'permission denied for table demo_personas', 'coordinator of B cannot reorder the personas of school A');
select throws_ok($$ delete from public.demo_personas where school_id = '10000000-0000-4000-8000-000000000001' $$,
  '42501', 'permission denied for table demo_personas', 'coordinator of B cannot delete the personas of school A');

-- ---------------------------------------------------------------------------------------------
-- A teacher of school B against school A, and against their own school's admin.
select set_config('request.jwt.claims', json_build_object('sub', '30000000-0000-4000-8000-000000000002', 'role', 'authenticated')::text, true);

select is_empty($$ select id from public.schools where id = '10000000-0000-4000-8000-000000000001' $$,
  'teacher of B cannot read school A');
select results_eq($$ with u as (update public.schools set time_zone = 'UTC' returning 1) select count(*)::int from u $$,
  array[0], 'teacher of B cannot change any school, their own included');
select is((select count(*)::int from public.profiles where school_id = '10000000-0000-4000-8000-000000000001'), 0,
  'teacher of B reads no profile of school A');
select results_eq($$ with u as (update public.profiles set display_name = 'Renamed' where school_id = '10000000-0000-4000-8000-000000000001' returning 1) select count(*)::int from u $$,
  array[0], 'teacher of B cannot rename people of school A');
select is((select count(*)::int from public.memberships where school_id = '10000000-0000-4000-8000-000000000001'), 0,
  'teacher of B reads no roles of school A');
select throws_ok($$ insert into public.memberships (user_id, school_id, role) values ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', 'coordinator') $$,
  '42501', 'new row violates row-level security policy for table "memberships"', 'teacher of B cannot make themselves coordinator');
select is_empty($$ select id from public.invites $$,
  'teacher of B reads no invites, not even their own school''s');

-- ---------------------------------------------------------------------------------------------
-- Inside school A.
-- Teacher Marcus (03).
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);

select results_eq($$ select school_id, count(*)::int from public.profiles group by school_id $$,
  $$ values ('10000000-0000-4000-8000-000000000001'::uuid, 24) $$,
  'a teacher reads the profiles of their school, all of them and only them');
select results_eq($$ with u as (update public.profiles set deactivated_at = now() where user_id = '20000000-0000-4000-8000-000000000004' returning 1) select count(*)::int from u $$,
  array[0], 'a teacher cannot deactivate a colleague');
select throws_ok($$ update public.profiles set deactivated_at = now() where user_id = '20000000-0000-4000-8000-000000000003' $$,
  'PT403', 'people.cannot_deactivate', 'a teacher cannot deactivate themselves');
select results_eq($$ with u as (update public.profiles set display_name = 'Renamed' where user_id = '20000000-0000-4000-8000-000000000004' returning 1) select count(*)::int from u $$,
  array[0], 'a teacher cannot rename a colleague');
select results_eq($$ with u as (update public.profiles set display_name = 'Marcus J. Bell' where user_id = '20000000-0000-4000-8000-000000000003' returning 1) select count(*)::int from u $$,
  array[1], 'a teacher renames themselves');
select is_empty($$ select id from public.invites $$, 'a teacher reads no invites');
select throws_ok($$ insert into public.invites (school_id, email, role, token_hash, expires_at) values ('10000000-0000-4000-8000-000000000001', 'friend@example.org', 'teacher', 'rls-test-hash-t', now() + interval '1 day') $$,
  '42501', 'new row violates row-level security policy for table "invites"', 'a teacher cannot invite');
select results_eq($$ with d as (delete from public.memberships where user_id = '20000000-0000-4000-8000-000000000004' returning 1) select count(*)::int from d $$,
  array[0], 'a teacher cannot remove a colleague''s role');

-- Researcher Priya (02): pseudonymous data only, so not even colleagues' names.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000002', 'role', 'authenticated')::text, true);

select results_eq($$ select user_id from public.profiles $$, array['20000000-0000-4000-8000-000000000002'::uuid],
  'a researcher reads only their own profile');
select results_eq($$ select user_id from public.memberships $$, array['20000000-0000-4000-8000-000000000002'::uuid],
  'a researcher reads only their own roles');
select results_eq($$ select id from public.schools $$, array['10000000-0000-4000-8000-000000000001'::uuid],
  'a researcher reads their school');

-- Student mentor Sofía (15).
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000015', 'role', 'authenticated')::text, true);

select throws_ok($$ insert into public.profiles (user_id, school_id, display_name) values ('30000000-0000-4000-8000-000000000099', '10000000-0000-4000-8000-000000000001', 'Friend') $$,
  '42501', 'new row violates row-level security policy for table "profiles"', 'a student mentor cannot add a person');
select throws_ok($$ insert into public.memberships (user_id, school_id, role) values ('20000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001', 'coordinator') $$,
  '42501', 'new row violates row-level security policy for table "memberships"', 'a student mentor cannot make themselves coordinator');
select is_empty($$ select id from public.invites $$, 'a student mentor reads no invites');
select results_eq($$ with u as (update public.schools set name = 'Mentor High' returning 1) select count(*)::int from u $$,
  array[0], 'a student mentor cannot rename the school');

-- Coordinator Dana (01).
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);

select is((select count(*)::int from public.profiles), 24, 'the coordinator reads the people of their school');
select is((select count(*)::int from public.memberships), 25, 'the coordinator reads the roles of their school');
select results_eq($$ select id from public.invites $$, array['a0000000-0000-4000-8000-000000000001'::uuid],
  'the coordinator reads their school''s invites and not those of school B');
select throws_ok($$ update public.profiles set deactivated_at = now() where user_id = '20000000-0000-4000-8000-000000000001' $$,
  'PT403', 'people.cannot_deactivate', 'a coordinator cannot deactivate themselves');
select results_eq($$ with u as (update public.profiles set deactivated_at = now() where user_id = '20000000-0000-4000-8000-000000000014' returning 1) select count(*)::int from u $$,
  array[1], 'the coordinator deactivates a teacher of their school');
select results_eq($$ with u as (update public.profiles set deactivated_at = now() where user_id = '30000000-0000-4000-8000-000000000002' returning 1) select count(*)::int from u $$,
  array[0], 'the coordinator cannot deactivate a teacher of school B');
select results_eq($$ with i as (insert into public.memberships (user_id, school_id, role) values ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'researcher') returning 1) select count(*)::int from i $$,
  array[1], 'the coordinator grants a role at their school');
select results_eq($$ with u as (update public.invites set revoked_at = now() where id = 'a0000000-0000-4000-8000-000000000001' returning 1) select count(*)::int from u $$,
  array[1], 'the coordinator revokes an invite of their school');
select throws_ok($$ update public.invites set role = 'coordinator' where id = 'a0000000-0000-4000-8000-000000000001' $$,
  '42501', 'permission denied for table invites', 'an invite''s role cannot be changed after it was sent');

-- Paul (14), just deactivated: his own row only, and he cannot undo it.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000014', 'role', 'authenticated')::text, true);

select results_eq($$ select user_id from public.profiles $$, array['20000000-0000-4000-8000-000000000014'::uuid],
  'a deactivated person reads only their own profile');
select results_eq($$ with u as (update public.profiles set deactivated_at = null where user_id = '20000000-0000-4000-8000-000000000014' returning 1) select count(*)::int from u $$,
  array[0], 'a deactivated person cannot reactivate themselves');
select is_empty($$ select id from public.schools $$, 'a deactivated person no longer reads their school');

-- ---------------------------------------------------------------------------------------------
-- Nobody signed in.
reset role;
set local role anon;
select set_config('request.jwt.claims', json_build_object('role', 'anon')::text, true);

select results_eq($$ select school_id, count(*)::int from public.demo_personas group by school_id $$,
  $$ values ('10000000-0000-4000-8000-000000000001'::uuid, 24) $$,
  'anon reads the personas of the demo school and no other');
select throws_ok($$ select id from public.schools $$, '42501', 'permission denied for table schools', 'anon cannot read schools');
select throws_ok($$ select user_id from public.profiles $$, '42501', 'permission denied for table profiles', 'anon cannot read profiles');
select throws_ok($$ select user_id from public.memberships $$, '42501', 'permission denied for table memberships', 'anon cannot read memberships');
select throws_ok($$ select id from public.invites $$, '42501', 'permission denied for table invites', 'anon cannot read invites');
select throws_ok($$ insert into public.demo_personas (user_id, school_id) values ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001') $$,
  '42501', 'permission denied for table demo_personas', 'anon cannot add a persona');

-- Once A is no longer a demo school its personas are nobody's business.
reset role;
update public.schools set is_demo = false where id = '10000000-0000-4000-8000-000000000001';
set local role anon;
select is_empty($$ select user_id from public.demo_personas $$, 'anon reads no persona of a school that is not a demo');
set local role authenticated;
select set_config('request.jwt.claims', json_build_object('sub', '30000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);
select is_empty($$ select user_id from public.demo_personas $$, 'coordinator of B reads no persona of school A once it is not a demo');

-- ---------------------------------------------------------------------------------------------
-- What actually happened, seen past RLS: only the writes that were allowed.
reset role;
select results_eq($$ select id, name from public.schools order by id $$,
  $$ values ('10000000-0000-4000-8000-000000000001'::uuid, 'Lakeside Junior High'), ('10000000-0000-4000-8000-000000000002'::uuid, 'Hillcrest Middle') $$,
  'only the coordinator of B renamed a school, and only their own');
select results_eq($$ select user_id from public.profiles where deactivated_at is not null or display_name = 'Renamed' $$,
  array['20000000-0000-4000-8000-000000000014'::uuid],
  'only the person the coordinator deactivated changed');

select * from finish();
rollback;
