-- The guards added in 20261123000300_people_hardening.sql, each tried by the person it stops.
begin;
select plan(9);

-- Dana (coordinator of the demo school), a teacher, a student.
set local role authenticated;
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);

with d as (delete from public.memberships where user_id = '20000000-0000-4000-8000-000000000001' and role = 'coordinator' returning 1)
select is((select count(*)::int from d), 0, 'a coordinator cannot drop their own coordinator role');

with d as (delete from public.memberships where user_id = '20000000-0000-4000-8000-000000000001' and role = 'teacher' returning 1)
select is((select count(*)::int from d), 1, 'a coordinator can drop their own teacher role');

select throws_ok(
  $$ insert into public.memberships (user_id, school_id, role) values ('20000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001', 'coordinator') $$,
  '42501', null, 'a student cannot be given an adult role');

select throws_ok(
  $$ insert into public.memberships (user_id, school_id, role) values ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'student_mentor') $$,
  '42501', null, 'an adult cannot be given the student role');

select lives_ok(
  $$ insert into public.memberships (user_id, school_id, role) values ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'researcher') $$,
  'an adult can be given another adult role');

select throws_ok(
  $$ select app_private.set_password_hash('20000000-0000-4000-8000-000000000003', 'x') $$,
  'PT403', null, 'a coordinator cannot reset an adult''s password');

select lives_ok(
  $$ select app_private.set_password_hash('20000000-0000-4000-8000-000000000015', 'x') $$,
  'a coordinator can reset a student''s password');

select throws_ok(
  $$ select app_private.provision_user('someone@lakeside.example.org', 'x', null) $$,
  'PT403', null, 'a coordinator cannot create a login with an arbitrary email');

select throws_ok(
  $$ insert into public.invites (school_id, email, role, token_hash, expires_at, created_by)
     values ('10000000-0000-4000-8000-000000000001', 'x@y.org', 'teacher', 'h-forged', now() + interval '1 day', '20000000-0000-4000-8000-000000000003') $$,
  '42501', null, 'an invite cannot be recorded as sent by someone else');

select * from finish();
rollback;
