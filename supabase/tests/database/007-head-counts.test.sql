-- school_head_counts: the coordinator of a school reads its own counts; nobody else reads them,
-- and nobody writes them (triggers keep them), in either school.
begin;
select plan(7);

insert into public.schools (id, name, code, time_zone) values
  ('10000000-0000-4000-8000-000000000002', 'Hillcrest Middle School', 'hillcrest', 'America/Chicago');
insert into auth.users (id, email) values ('30000000-0000-4000-8000-000000000001', 'beth.cole@hillcrest.example.org');
insert into public.profiles (user_id, school_id, display_name) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'Beth Cole');
insert into public.memberships (user_id, school_id, role) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'coordinator');

set local role authenticated;
-- The coordinator of school B.
select set_config('request.jwt.claims', '{"sub": "30000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select results_eq($$ select school_id, people from public.school_head_counts $$,
  $$ values ('10000000-0000-4000-8000-000000000002'::uuid, 1) $$,
  'the coordinator of B reads B''s head count (kept by the triggers) and not A''s');
select throws_ok($$ update public.school_head_counts set people = 0 where school_id = '10000000-0000-4000-8000-000000000001' $$,
  '42501', 'permission denied for table school_head_counts', 'the coordinator of B cannot change A''s counts');
select throws_ok($$ insert into public.school_head_counts (school_id, people) values ('10000000-0000-4000-8000-000000000001', 999) $$,
  '42501', 'permission denied for table school_head_counts', 'nor write a count row for A');
select throws_ok($$ update public.school_head_counts set people = 999 where school_id = '10000000-0000-4000-8000-000000000002' $$,
  '42501', 'permission denied for table school_head_counts', 'nor fake their own school''s counts');
-- A teacher and a mentor of school A see no counts at all; the coordinator of A sees A's.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select is_empty($$ select 1 from public.school_head_counts $$, 'a teacher reads no head counts');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select is_empty($$ select 1 from public.school_head_counts $$, 'a student mentor reads no head counts');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select results_eq($$ select school_id, students from public.school_head_counts $$,
  $$ values ('10000000-0000-4000-8000-000000000001'::uuid, 10) $$, 'the coordinator of A reads A''s count of 10 student mentors');

select * from finish();
rollback;
