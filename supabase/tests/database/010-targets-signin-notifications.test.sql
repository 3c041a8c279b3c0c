-- Issue 10: only a school's coordinator sets its overview targets (point 4); the bell tells the
-- reviewer a guide waits and tells the authors it is published, and nobody else (point 13);
-- opening a notification marks it read, only your own; a guide without a chosen difficulty and
-- time cannot be sent for review.
begin;
select plan(29);

-- School B with its coordinator Beth and mentor Kai.
insert into public.schools (id, name, code, time_zone) values
  ('10000000-0000-4000-8000-000000000002', 'Hillcrest Middle School', 'hillcrest', 'America/Chicago');
insert into auth.users (id, email) values
  ('30000000-0000-4000-8000-000000000001', 'beth.cole@hillcrest.example.org'),
  ('30000000-0000-4000-8000-000000000003', 'kai@hillcrest.students.invalid');
insert into public.profiles (user_id, school_id, display_name) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'Beth Cole'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'Kai');
insert into public.memberships (user_id, school_id, role) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'coordinator'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'student_mentor');
-- Omar co-writes Sofía's Canva draft; an untouched draft of Sofía's has no difficulty or time yet.
insert into public.walkthrough_authors (walkthrough_id, user_id, school_id) values
  ('e0000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000016', '10000000-0000-4000-8000-000000000001');
insert into public.walkthroughs (id, school_id, tool_id, created_by, original_language) values
  ('e0000000-0000-4000-8000-0000000000a9', '10000000-0000-4000-8000-000000000001',
   (select id from public.tools where school_id = '10000000-0000-4000-8000-000000000001' and name = 'Padlet'),
   '20000000-0000-4000-8000-000000000015', 'en');
insert into public.walkthrough_authors (walkthrough_id, user_id, school_id) values
  ('e0000000-0000-4000-8000-0000000000a9', '20000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001');
insert into public.walkthrough_versions (walkthrough_id, language, school_id, title) values
  ('e0000000-0000-4000-8000-0000000000a9', 'en', '10000000-0000-4000-8000-000000000001', 'Post on a Padlet wall');
insert into public.walkthrough_steps (id, walkthrough_id, school_id, position) values
  ('e1000000-0000-4000-8000-0000000000a9', 'e0000000-0000-4000-8000-0000000000a9', '10000000-0000-4000-8000-000000000001', 1);
insert into public.walkthrough_step_texts (step_id, language, walkthrough_id, school_id, body) values
  ('e1000000-0000-4000-8000-0000000000a9', 'en', 'e0000000-0000-4000-8000-0000000000a9', '10000000-0000-4000-8000-000000000001',
   'Open the Padlet link your teacher gave you.');

set local role authenticated;

-- Point 4: targets. Dana, the coordinator of A, saves them through the api function.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select lives_ok($$ select api.set_help_targets(3, 9) $$, 'the coordinator saves her school''s targets');
select results_eq($$ select claim_target_days, resolve_target_days from public.schools $$,
  $$ values (3, 9) $$, 'and they are stored');
-- Marcus, a teacher at A.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select throws_ok($$ select api.set_help_targets(1, 1) $$, 'PT403', 'auth.forbidden', 'a teacher cannot set the targets');
select results_eq($$ with u as (update public.schools set claim_target_days = 1 returning 1) select count(*)::int from u $$,
  $$ values (0) $$, 'nor change them in the table');
-- Sofía, a mentor at A.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select throws_ok($$ select api.set_help_targets(1, 1) $$, 'PT403', 'auth.forbidden', 'a mentor cannot set the targets');
select results_eq($$ with u as (update public.schools set resolve_target_days = 60 returning 1) select count(*)::int from u $$,
  $$ values (0) $$, 'nor change them in the table');
-- Beth, the coordinator of B: her own school's targets, never A's.
select set_config('request.jwt.claims', '{"sub": "30000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select lives_ok($$ select api.set_help_targets(5, 20) $$, 'the coordinator of B sets B''s targets');
select results_eq($$ with u as (update public.schools set claim_target_days = 30
    where id = '10000000-0000-4000-8000-000000000001' returning 1) select count(*)::int from u $$,
  $$ values (0) $$, 'but cannot change A''s');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select results_eq($$ select claim_target_days, resolve_target_days from public.schools $$,
  $$ values (3, 9) $$, 'A''s targets are still what its coordinator chose');

-- Point 13: Sofía sends the Canva draft for review, naming nobody: the coordinator is told.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select lives_ok($$ select api.walkthrough_submit('e0000000-0000-4000-8000-000000000002') $$, 'Sofía sends her draft for review');
select throws_ok($$ select api.walkthrough_submit('e0000000-0000-4000-8000-0000000000a9') $$, 'PT400', 'walkthrough.choose_details',
  'a draft whose difficulty and time nobody chose cannot be sent for review');
reset role;
select results_eq($$ select user_id from public.notifications
    where kind = 'review_requested' and walkthrough_id = 'e0000000-0000-4000-8000-000000000002' $$,
  $$ values ('20000000-0000-4000-8000-000000000001'::uuid) $$,
  'only the coordinator of A is told it waits for review: not the authors, a teacher or school B');
set local role authenticated;
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select results_eq($$ select (api.me() -> 'unread')::int $$, $$ values (1) $$, 'Dana''s bell counts it');
select results_eq($$ select n ->> 'title' from jsonb_array_elements(api.my_notifications() -> 'notifications') n
    where n ->> 'kind' = 'review_requested' $$,
  $$ values ('Make a class poster in Canva') $$, 'her list names the guide');
-- Dana approves it: the authors are told it is published.
select lives_ok($$ select api.walkthrough_review('e0000000-0000-4000-8000-000000000002', 'approved') $$, 'Dana publishes it');
reset role;
select results_eq($$ select user_id from public.notifications
    where kind = 'published' and walkthrough_id = 'e0000000-0000-4000-8000-000000000002' order by user_id $$,
  $$ values ('20000000-0000-4000-8000-000000000015'::uuid), ('20000000-0000-4000-8000-000000000016'::uuid) $$,
  'both authors are told it is published, and not the coordinator who published it');
select is_empty($$ select 1 from public.notifications where school_id = '10000000-0000-4000-8000-000000000002' $$,
  'nobody at school B is told anything');
set local role authenticated;

-- Sofía improves her published Flip guide and names Marcus, a teacher, as its reviewer.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select lives_ok($$ select api.walkthrough_submit('e0000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003') $$,
  'Sofía sends her Flip guide to Marcus');
reset role;
select results_eq($$ select user_id from public.notifications
    where kind = 'review_requested' and walkthrough_id = 'e0000000-0000-4000-8000-000000000001' $$,
  $$ values ('20000000-0000-4000-8000-000000000003'::uuid) $$, 'only the named teacher is told, not the coordinator');
set local role authenticated;

-- Opening a notification marks that one read; nobody can open someone else's.
reset role;
create temporary table marcus_before on commit drop as
  select count(*)::int as unread from public.notifications where user_id = '20000000-0000-4000-8000-000000000003' and read_at is null;
create temporary table marcus_note on commit drop as
  select id from public.notifications where user_id = '20000000-0000-4000-8000-000000000003' and kind = 'review_requested';
grant select on marcus_before, marcus_note to authenticated;
set local role authenticated;
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select results_eq($$ select (api.me() -> 'unread')::int $$, $$ select unread from marcus_before $$,
  'Marcus''s bell counts his unread notifications, the review request among them');
select results_eq($$ select api.open_notification(n.id) ->> 'walkthrough_id' from public.notifications n where n.kind = 'review_requested' $$,
  $$ values ('e0000000-0000-4000-8000-000000000001') $$, 'opening his notification says where it leads');
select results_eq($$ select (api.me() -> 'unread')::int $$, $$ select unread - 1 from marcus_before $$, 'and his bell count drops by one');
select lives_ok($$ select api.walkthrough_review('e0000000-0000-4000-8000-000000000001', 'approved') $$,
  'the named teacher publishes it');
select results_eq($$ select language from public.walkthrough_search
    where walkthrough_id = 'e0000000-0000-4000-8000-000000000001' order by language $$,
  $$ values ('en'), ('es') $$, 'and its search rows are replaced, one per language, not added twice');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
reset role;
create temporary table sofia_note on commit drop as
  select id from public.notifications where user_id = '20000000-0000-4000-8000-000000000015' and read_at is null limit 1;
grant select on sofia_note to authenticated;
set local role authenticated;
select throws_ok($$ select api.open_notification((select id from sofia_note)) $$,
  'PT404', 'notifications.not_found', 'the coordinator cannot open (or mark read) a mentor''s notification');
reset role;
select isnt_empty($$ select 1 from public.notifications where id = (select id from sofia_note) and read_at is null $$,
  'Sofía''s notification is still unread');
set local role authenticated;
select set_config('request.jwt.claims', '{"sub": "30000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select throws_ok($$ select api.open_notification((select id from marcus_note)) $$,
  'PT404', 'notifications.not_found', 'nor can another school''s coordinator open Marcus''s');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select results_eq($$ select count(*)::int from jsonb_array_elements(api.my_notifications() -> 'notifications') n
    where n ->> 'kind' = 'published' and not (n ->> 'read')::boolean $$, $$ values (2) $$,
  'Sofía has two unread "published" notifications: Canva (by the coordinator) and Flip (by Marcus)');
select is_empty($$ select 1 from public.notifications where user_id <> '20000000-0000-4000-8000-000000000015' $$,
  'and she reads only her own notifications');

select * from finish();
rollback;
