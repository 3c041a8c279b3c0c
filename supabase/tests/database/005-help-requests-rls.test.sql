-- Row level security on the help request loop: tools, help_requests, help_request_details,
-- session_proposals, session_logs, help_ratings, request_events and notifications. For each table,
-- who may read and write what, allowed and denied, by role and across schools. School A is the demo
-- school from seed.sql; school B is made here (its tools come from the schools trigger) so that
-- every cross-school rule has somebody to try to break it. Row counts are taken as the impersonated
-- role (a data-modifying `with` returns the rows it touched), so a policy that lets a write through
-- fails the test instead of passing silently. The tests marked [hardening] failed against the
-- first draft of these rules, before they were tightened (guard nulls, forged events, pre-filled posts).
begin;
select plan(162);

-- School A (seed): 01 Dana, coordinator + teacher; 02 Priya, researcher; 03 Marcus and 04 Rosa,
-- teachers; 15 Sofía, 16 Omar and 17 Linh, student mentors.
-- School B: 3..01 Beth, coordinator; 3..02 Ben, teacher; 3..03 Kai, student mentor.
insert into public.schools (id, name, code, time_zone, is_demo) values
  ('10000000-0000-4000-8000-000000000002', 'Hillcrest Middle School', 'hillcrest', 'America/Chicago', false);
insert into auth.users (id, email) values
  ('30000000-0000-4000-8000-000000000001', 'beth.cole@hillcrest.example.org'),
  ('30000000-0000-4000-8000-000000000002', 'ben.ito@hillcrest.example.org'),
  ('30000000-0000-4000-8000-000000000003', 'kai.s@hillcrest.students.invalid');
insert into public.profiles (user_id, school_id, display_name, username) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'Beth Cole', null),
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', 'Ben Ito', null),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'Kai S.', 'kai.s');
insert into public.memberships (user_id, school_id, role) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'coordinator'),
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', 'teacher'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'student_mentor');

-- The demo requests of seed.sql go first (their details, proposals, logs, history and
-- notifications go with them), so every row and count below is about what this file makes.
delete from public.help_requests where school_id = '10000000-0000-4000-8000-000000000001';
delete from public.notifications where school_id = '10000000-0000-4000-8000-000000000001';

-- Requests (c...a1-a4 at A, c...b1 at B), all about each school's own 'Flip':
--   a1 Marcus, PRIVATE, scheduled, claimed by Sofía with Omar as partner; a proposal and a log.
--   a2 Marcus, not private, open.
--   a3 Rosa, PRIVATE, open.
--   a4 Rosa, not private, claimed by Sofía; nothing logged yet.
--   b1 Ben, not private, claimed by Kai; a proposal, a log and Ben's rating.
-- Last changed yesterday, so nothing looks as if it had changed in this transaction.
insert into public.help_requests (id, school_id, teacher_id, tool_id, subject, grade, is_private, status,
  claimed_by, partner_id, claimed_at, scheduled_at, submission_id, created_at, updated_at)
select v.id, v.school_id, v.teacher_id, t.id, v.subject, '7', v.is_private, v.status::public.help_status,
  v.claimed_by, v.partner_id, case when v.claimed_by is not null then now() - interval '1 day' end,
  case when v.status = 'scheduled' then now() + interval '2 days' end, gen_random_uuid(),
  now() - interval '2 days', now() - interval '1 day'
from (values
  ('c0000000-0000-4000-8000-0000000000a1'::uuid, '10000000-0000-4000-8000-000000000001'::uuid, '20000000-0000-4000-8000-000000000003'::uuid,
   'Science', true, 'scheduled', '20000000-0000-4000-8000-000000000015'::uuid, '20000000-0000-4000-8000-000000000016'::uuid),
  ('c0000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003',
   'English', false, 'open', null, null),
  ('c0000000-0000-4000-8000-0000000000a3', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004',
   'Math', true, 'open', null, null),
  ('c0000000-0000-4000-8000-0000000000a4', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004',
   'Art', false, 'claimed', '20000000-0000-4000-8000-000000000015', null),
  ('c0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000002',
   'History', false, 'claimed', '30000000-0000-4000-8000-000000000003', null)
) as v (id, school_id, teacher_id, subject, is_private, status, claimed_by, partner_id)
join public.tools t on t.school_id = v.school_id and t.name = 'Flip';

insert into public.help_request_details (request_id, school_id, goal) values
  ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', 'PRIVATE a1: I freeze when the projector will not mirror my laptop.'),
  ('c0000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-000000000001', 'OPEN a2: My English learners should record read-alouds in Flip.'),
  ('c0000000-0000-4000-8000-0000000000a3', '10000000-0000-4000-8000-000000000001', 'PRIVATE a3: I have never used a video tool and feel embarrassed to ask.'),
  ('c0000000-0000-4000-8000-0000000000a4', '10000000-0000-4000-8000-000000000001', 'OPEN a4: My art classes should present their posters in Flip.'),
  ('c0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002', 'OPEN b1: Record oral history interviews with Flip.');
insert into public.session_proposals (id, request_id, school_id, proposed_by, starts_at, place) values
  ('d0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001',
   '20000000-0000-4000-8000-000000000015', now() + interval '2 days', 'playground'),
  ('d0000000-0000-4000-8000-0000000000b1', 'c0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002',
   '30000000-0000-4000-8000-000000000003', now() + interval '3 days', 'classroom');
insert into public.session_logs (id, request_id, school_id, mentor_id, covered, minutes, outcome, teacher_attended) values
  ('e0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001',
   '20000000-0000-4000-8000-000000000015', 'Mirroring the projector, sharing one tab.', 45, 'solved', true),
  ('e0000000-0000-4000-8000-0000000000b1', 'c0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002',
   '30000000-0000-4000-8000-000000000003', 'Recording a Flip topic.', 30, 'partly', true);
insert into public.help_ratings (request_id, school_id, rated_by, mentor_id, rating, thanks) values
  ('c0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002',
   '30000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000003', 5, 'Thank you, Kai!');
-- The history; its trigger fills the bells (Marcus 4, Omar 2, Sofía 1, Rosa 1, Ben 2, Kai 1).
insert into public.request_events (request_id, school_id, actor_id, kind)
select ('c0000000-0000-4000-8000-0000000000' || e.r)::uuid,
  case when e.r like 'a%' then '10000000-0000-4000-8000-000000000001' else '10000000-0000-4000-8000-000000000002' end::uuid,
  e.actor::uuid, e.kind
from (values
  ('a1', '20000000-0000-4000-8000-000000000003', 'posted'), ('a1', '20000000-0000-4000-8000-000000000015', 'claimed'),
  ('a1', '20000000-0000-4000-8000-000000000016', 'joined'), ('a1', '20000000-0000-4000-8000-000000000015', 'proposed'),
  ('a1', '20000000-0000-4000-8000-000000000003', 'scheduled'), ('a1', '20000000-0000-4000-8000-000000000015', 'logged'),
  ('a2', '20000000-0000-4000-8000-000000000003', 'posted'), ('a3', '20000000-0000-4000-8000-000000000004', 'posted'),
  ('a4', '20000000-0000-4000-8000-000000000004', 'posted'), ('a4', '20000000-0000-4000-8000-000000000015', 'claimed'),
  ('b1', '30000000-0000-4000-8000-000000000002', 'posted'), ('b1', '30000000-0000-4000-8000-000000000003', 'claimed'),
  ('b1', '30000000-0000-4000-8000-000000000003', 'logged'), ('b1', '30000000-0000-4000-8000-000000000002', 'closed')
) as e (r, actor, kind)
order by e.r;

-- Guards the cross-school checks: a table with no row of B would pass them vacuously.
select results_eq(
  $$ select 'tools', count(*)::int from public.tools where school_id = '10000000-0000-4000-8000-000000000002'
     union all select 'help_requests', count(*)::int from public.help_requests where school_id = '10000000-0000-4000-8000-000000000002'
     union all select 'help_request_details', count(*)::int from public.help_request_details where school_id = '10000000-0000-4000-8000-000000000002'
     union all select 'session_proposals', count(*)::int from public.session_proposals where school_id = '10000000-0000-4000-8000-000000000002'
     union all select 'session_logs', count(*)::int from public.session_logs where school_id = '10000000-0000-4000-8000-000000000002'
     union all select 'help_ratings', count(*)::int from public.help_ratings where school_id = '10000000-0000-4000-8000-000000000002'
     union all select 'request_events', count(*)::int from public.request_events where school_id = '10000000-0000-4000-8000-000000000002'
     union all select 'notifications', count(*)::int from public.notifications where school_id = '10000000-0000-4000-8000-000000000002' $$,
  $$ values ('tools', 16), ('help_requests', 1), ('help_request_details', 1), ('session_proposals', 1), ('session_logs', 1),
            ('help_ratings', 1), ('request_events', 4), ('notifications', 3) $$,
  'school B has rows in all eight tables (its tools made by the schools trigger)');

-- =============================================================================================
-- 1. Across schools: the people of A see no row of B in any table and write nothing into B.
-- Each union lists every table, so a leak names the table it came from.
set local role authenticated;

-- Sofía, student mentor of A.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000015', 'role', 'authenticated')::text, true);
select results_eq(
  $$ select 'tools', count(*)::int from public.tools where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'help_requests', count(*)::int from public.help_requests where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'help_request_details', count(*)::int from public.help_request_details where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'session_proposals', count(*)::int from public.session_proposals where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'session_logs', count(*)::int from public.session_logs where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'help_ratings', count(*)::int from public.help_ratings where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'request_events', count(*)::int from public.request_events where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'notifications', count(*)::int from public.notifications where school_id <> '10000000-0000-4000-8000-000000000001' $$,
  $$ values ('tools', 0), ('help_requests', 0), ('help_request_details', 0), ('session_proposals', 0), ('session_logs', 0),
            ('help_ratings', 0), ('request_events', 0), ('notifications', 0) $$,
  'a mentor of A reads no row of school B in any of the eight tables');
select throws_ok($$ select api.claim_help_request('c0000000-0000-4000-8000-0000000000b1') $$,
  'PT404', 'request.not_found', 'a mentor of A cannot claim a request of school B through the api');
select results_eq($$ with u as (update public.help_requests set claimed_by = '20000000-0000-4000-8000-000000000015', status = 'claimed' where id = 'c0000000-0000-4000-8000-0000000000b1' returning 1) select count(*)::int from u $$,
  array[0], 'a mentor of A cannot take over a request of school B');
select throws_ok($$ insert into public.session_proposals (request_id, school_id, proposed_by, starts_at, place) values ('c0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000015', now() + interval '1 day', 'playground') $$,
  '42501', 'new row violates row-level security policy for table "session_proposals"', 'a mentor of A cannot propose a time on a request of school B');
select throws_ok($$ insert into public.session_logs (request_id, school_id, mentor_id, covered, minutes, outcome, teacher_attended) values ('c0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000015', 'Nothing at all.', 480, 'solved', true) $$,
  '42501', 'new row violates row-level security policy for table "session_logs"', 'a mentor of A cannot log hours on a request of school B');
select results_eq($$ with u as (update public.session_logs set minutes = 480 where id = 'e0000000-0000-4000-8000-0000000000b1' returning 1) select count(*)::int from u $$,
  array[0], 'a mentor of A cannot change a session log of school B');
select results_eq($$ with u as (update public.session_proposals set status = 'declined' where id = 'd0000000-0000-4000-8000-0000000000b1' returning 1) select count(*)::int from u $$,
  array[0], 'a mentor of A cannot answer a proposal of school B');
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind) values ('c0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000015', 'proposed') $$,
  '42501', 'new row violates row-level security policy for table "request_events"', 'a mentor of A cannot write into the history of a request of school B');

-- Marcus, teacher of A.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);
select results_eq(
  $$ select 'tools', count(*)::int from public.tools where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'help_requests', count(*)::int from public.help_requests where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'help_request_details', count(*)::int from public.help_request_details where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'session_proposals', count(*)::int from public.session_proposals where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'session_logs', count(*)::int from public.session_logs where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'help_ratings', count(*)::int from public.help_ratings where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'request_events', count(*)::int from public.request_events where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'notifications', count(*)::int from public.notifications where school_id <> '10000000-0000-4000-8000-000000000001' $$,
  $$ values ('tools', 0), ('help_requests', 0), ('help_request_details', 0), ('session_proposals', 0), ('session_logs', 0),
            ('help_ratings', 0), ('request_events', 0), ('notifications', 0) $$,
  'a teacher of A reads no row of school B in any of the eight tables');
select throws_ok($$ insert into public.help_requests (school_id, teacher_id, tool_id, subject, grade, submission_id) values ('10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000003', (select id from public.tools where name = 'Flip'), 'History', '7', gen_random_uuid()) $$,
  '42501', 'new row violates row-level security policy for table "help_requests"', 'a teacher of A cannot post a request into school B');
select throws_ok($$ insert into public.help_request_details (request_id, school_id, goal) values ('c0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002', 'Words planted into school B.') $$,
  '42501', 'new row violates row-level security policy for table "help_request_details"', 'a teacher of A cannot write the words of a request of school B');
select results_eq($$ with u as (update public.help_request_details set goal = 'Words changed from school A.' where request_id = 'c0000000-0000-4000-8000-0000000000b1' returning 1) select count(*)::int from u $$,
  array[0], 'a teacher of A cannot change the words of a request of school B');
select throws_ok($$ insert into public.help_ratings (request_id, school_id, rated_by, mentor_id, rating) values ('c0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-000000000003', 1) $$,
  '42501', 'new row violates row-level security policy for table "help_ratings"', 'a teacher of A cannot rate a mentor of school B');

-- Dana, coordinator of A.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);
select results_eq(
  $$ select 'tools', count(*)::int from public.tools where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'help_requests', count(*)::int from public.help_requests where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'help_request_details', count(*)::int from public.help_request_details where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'session_proposals', count(*)::int from public.session_proposals where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'session_logs', count(*)::int from public.session_logs where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'help_ratings', count(*)::int from public.help_ratings where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'request_events', count(*)::int from public.request_events where school_id <> '10000000-0000-4000-8000-000000000001'
     union all select 'notifications', count(*)::int from public.notifications where school_id <> '10000000-0000-4000-8000-000000000001' $$,
  $$ values ('tools', 0), ('help_requests', 0), ('help_request_details', 0), ('session_proposals', 0), ('session_logs', 0),
            ('help_ratings', 0), ('request_events', 0), ('notifications', 0) $$,
  'the coordinator of A reads no row of school B in any of the eight tables');
select throws_ok($$ insert into public.tools (school_id, name, category, created_by) values ('10000000-0000-4000-8000-000000000002', 'Rogue Tool', 'other', '20000000-0000-4000-8000-000000000001') $$,
  '42501', 'new row violates row-level security policy for table "tools"', 'the coordinator of A cannot add a tool to school B');
select results_eq($$ with u as (update public.tools set name = 'Renamed' where school_id = '10000000-0000-4000-8000-000000000002' returning 1) select count(*)::int from u $$,
  array[0], 'the coordinator of A cannot rename the tools of school B');
select results_eq($$ with d as (delete from public.tools where school_id = '10000000-0000-4000-8000-000000000002' returning 1) select count(*)::int from d $$,
  array[0], 'the coordinator of A cannot remove the tools of school B');
select results_eq($$ with u as (update public.help_requests set escalated_at = now(), escalation_note = 'From school A' where id = 'c0000000-0000-4000-8000-0000000000b1' returning 1) select count(*)::int from u $$,
  array[0], 'the coordinator of A cannot escalate a request of school B directly');
select throws_ok($$ select api.escalate_help_request('c0000000-0000-4000-8000-0000000000b1', 'From school A') $$,
  'PT404', 'request.not_found', 'the coordinator of A cannot escalate a request of school B through the api');
select throws_ok($$ select api.reassign_help_request('c0000000-0000-4000-8000-0000000000b1', '20000000-0000-4000-8000-000000000015') $$,
  'PT404', 'request.not_found', 'the coordinator of A cannot hand a request of school B to a mentor of A');
select results_eq($$ with u as (update public.session_logs set verified_by = '20000000-0000-4000-8000-000000000001', verified_at = now() where id = 'e0000000-0000-4000-8000-0000000000b1' returning 1) select count(*)::int from u $$,
  array[0], 'the coordinator of A cannot verify hours of school B directly');
select throws_ok($$ select api.verify_session_log('e0000000-0000-4000-8000-0000000000b1') $$,
  'PT404', 'request.not_found', 'the coordinator of A cannot verify hours of school B through the api');
select results_eq($$ with u as (update public.notifications set read_at = now() where school_id = '10000000-0000-4000-8000-000000000002' returning 1) select count(*)::int from u $$,
  array[0], 'the coordinator of A cannot mark the notifications of school B read');

-- Kai, student mentor of B, the other way round.
select set_config('request.jwt.claims', json_build_object('sub', '30000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);
select results_eq(
  $$ select 'tools', count(*)::int from public.tools where school_id <> '10000000-0000-4000-8000-000000000002'
     union all select 'help_requests', count(*)::int from public.help_requests where school_id <> '10000000-0000-4000-8000-000000000002'
     union all select 'help_request_details', count(*)::int from public.help_request_details where school_id <> '10000000-0000-4000-8000-000000000002'
     union all select 'session_proposals', count(*)::int from public.session_proposals where school_id <> '10000000-0000-4000-8000-000000000002'
     union all select 'session_logs', count(*)::int from public.session_logs where school_id <> '10000000-0000-4000-8000-000000000002'
     union all select 'help_ratings', count(*)::int from public.help_ratings where school_id <> '10000000-0000-4000-8000-000000000002'
     union all select 'request_events', count(*)::int from public.request_events where school_id <> '10000000-0000-4000-8000-000000000002'
     union all select 'notifications', count(*)::int from public.notifications where school_id <> '10000000-0000-4000-8000-000000000002' $$,
  $$ values ('tools', 0), ('help_requests', 0), ('help_request_details', 0), ('session_proposals', 0), ('session_logs', 0),
            ('help_ratings', 0), ('request_events', 0), ('notifications', 0) $$,
  'a mentor of B reads no row of school A in any of the eight tables');
select throws_ok($$ select api.help_request('c0000000-0000-4000-8000-0000000000a2') $$,
  'PT404', 'request.not_found', 'a mentor of B cannot open a request of school A, not even one that is not private');
select results_eq($$ select id from public.help_requests $$, array['c0000000-0000-4000-8000-0000000000b1'::uuid],
  'a mentor of B sees the requests of B (positive control)');

-- =============================================================================================
-- 2. The words of a request (help_request_details.goal): private ones only for the teacher, the
-- mentors who claimed it and the coordinator; the others for every mentor of the school.

-- Linh, a mentor who claimed nothing.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000017', 'role', 'authenticated')::text, true);
select results_eq($$ select id from public.help_requests order by id $$,
  array['c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2', 'c0000000-0000-4000-8000-0000000000a3', 'c0000000-0000-4000-8000-0000000000a4']::uuid[],
  'a mentor sees every request of the school, private ones included');
select results_eq($$ select request_id from public.help_request_details order by request_id $$,
  array['c0000000-0000-4000-8000-0000000000a2', 'c0000000-0000-4000-8000-0000000000a4']::uuid[],
  'a mentor who claimed nothing reads the words of the requests that are not private, and of no private one');
select results_eq($$ select x.r -> 'request' ->> 'goal', (x.r -> 'request' ->> 'goal_hidden')::boolean from api.help_request('c0000000-0000-4000-8000-0000000000a1') as x (r) $$,
  $$ values (null::text, true) $$, 'api.help_request hides a private goal from a mentor who has not claimed it');
select results_eq($$ select x.r -> 'request' ->> 'goal' from api.help_request('c0000000-0000-4000-8000-0000000000a2') as x (r) $$,
  $$ values ('OPEN a2: My English learners should record read-alouds in Flip.'::text) $$,
  'api.help_request shows a goal that is not private to any mentor');
select results_eq($$ with u as (update public.help_request_details set goal = 'A mentor rewrote these words.' where request_id = 'c0000000-0000-4000-8000-0000000000a2' returning 1) select count(*)::int from u $$,
  array[0], 'a mentor cannot change a teacher''s words, even ones they can read');

-- Sofía, who claimed a1 (private) and a4.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000015', 'role', 'authenticated')::text, true);
select results_eq($$ select request_id from public.help_request_details order by request_id $$,
  array['c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2', 'c0000000-0000-4000-8000-0000000000a4']::uuid[],
  'the claiming mentor reads the private words of the request she holds, and not of another private one');
-- Omar, partner on a1.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000016', 'role', 'authenticated')::text, true);
select results_eq($$ select request_id from public.help_request_details order by request_id $$,
  array['c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2', 'c0000000-0000-4000-8000-0000000000a4']::uuid[],
  'the partner mentor reads the private words of the request he joined');
-- Marcus, who asked a1 and a2.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);
select results_eq($$ select request_id from public.help_request_details order by request_id $$,
  array['c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2']::uuid[],
  'a teacher reads the words of their own requests and no colleague''s, private or not');
-- Rosa, who asked a3 and a4.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000004', 'role', 'authenticated')::text, true);
select results_eq($$ select request_id from public.help_request_details order by request_id $$,
  array['c0000000-0000-4000-8000-0000000000a3', 'c0000000-0000-4000-8000-0000000000a4']::uuid[],
  'another teacher reads her own words and none of Marcus''s');
-- Priya, researcher.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000002', 'role', 'authenticated')::text, true);
select is_empty($$ select request_id from public.help_request_details $$, 'the researcher reads no teacher''s words');
-- Dana, coordinator.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);
select results_eq($$ select request_id from public.help_request_details order by request_id $$,
  array['c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2', 'c0000000-0000-4000-8000-0000000000a3', 'c0000000-0000-4000-8000-0000000000a4']::uuid[],
  'the coordinator reads the words of every request of her school, private ones included');
select results_eq($$ with u as (update public.help_request_details set goal = 'The coordinator rewrote these words.' where request_id = 'c0000000-0000-4000-8000-0000000000a3' returning 1) select count(*)::int from u $$,
  array[0], 'the coordinator reads private words but does not rewrite them');

-- =============================================================================================
-- 3. Teachers and their colleagues' requests; the researcher sees no request at all.

-- Rosa.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000004', 'role', 'authenticated')::text, true);
select results_eq($$ select id from public.help_requests order by id $$,
  array['c0000000-0000-4000-8000-0000000000a3', 'c0000000-0000-4000-8000-0000000000a4']::uuid[],
  'a teacher sees her own requests and no colleague''s');
select throws_ok($$ select api.help_request('c0000000-0000-4000-8000-0000000000a2') $$,
  'PT404', 'request.not_found', 'a teacher cannot open a colleague''s request through the api');
select results_eq($$ with u as (update public.help_requests set subject = 'Hijacked', is_private = false where id in ('c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2') returning 1) select count(*)::int from u $$,
  array[0], 'a teacher cannot edit a colleague''s request');
select results_eq($$ with u as (update public.help_request_details set goal = 'A colleague rewrote these words.' where request_id in ('c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2') returning 1) select count(*)::int from u $$,
  array[0], 'a teacher cannot edit the words of a colleague''s request');
select throws_ok($$ select api.cancel_help_request('c0000000-0000-4000-8000-0000000000a2', 'not mine') $$,
  'PT404', 'request.not_found', 'a teacher cannot cancel a colleague''s request');
select throws_ok($$ insert into public.help_requests (school_id, teacher_id, tool_id, subject, grade, submission_id) values ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', (select id from public.tools where name = 'Flip'), 'Science', '7', gen_random_uuid()) $$,
  '42501', 'new row violates row-level security policy for table "help_requests"', 'a teacher cannot post a request in a colleague''s name');
select results_eq(
  $$ select 'session_proposals', count(*)::int from public.session_proposals where request_id in ('c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2')
     union all select 'session_logs', count(*)::int from public.session_logs where request_id in ('c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2')
     union all select 'help_ratings', count(*)::int from public.help_ratings where request_id in ('c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2')
     union all select 'request_events', count(*)::int from public.request_events where request_id in ('c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2') $$,
  $$ values ('session_proposals', 0), ('session_logs', 0), ('help_ratings', 0), ('request_events', 0) $$,
  'a teacher sees no proposal, log, rating or history of a colleague''s request');
select results_eq($$ with u as (update public.help_requests set urgency = 3 where id = 'c0000000-0000-4000-8000-0000000000a3' returning 1) select count(*)::int from u $$,
  array[1], 'a teacher edits her own request');

-- Marcus.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);
select results_eq($$ select id from public.help_requests order by id $$,
  array['c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2']::uuid[],
  'a teacher sees his own requests and no colleague''s');
select results_eq($$ with u as (update public.help_request_details set goal = 'OPEN a2: Read-alouds in Flip, with a rubric.' where request_id = 'c0000000-0000-4000-8000-0000000000a2' returning 1) select count(*)::int from u $$,
  array[1], 'a teacher edits the words of his own request');
select results_eq($$ select distinct request_id from public.request_events order by request_id $$,
  array['c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2']::uuid[],
  'a teacher sees the history of his own requests only');

-- Priya, researcher: pseudonymous data only, so nothing of the loop but the tools catalog.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000002', 'role', 'authenticated')::text, true);
select results_eq(
  $$ select 'help_requests', count(*)::int from public.help_requests
     union all select 'help_request_details', count(*)::int from public.help_request_details
     union all select 'session_proposals', count(*)::int from public.session_proposals
     union all select 'session_logs', count(*)::int from public.session_logs
     union all select 'help_ratings', count(*)::int from public.help_ratings
     union all select 'request_events', count(*)::int from public.request_events
     union all select 'notifications', count(*)::int from public.notifications $$,
  $$ values ('help_requests', 0), ('help_request_details', 0), ('session_proposals', 0), ('session_logs', 0),
            ('help_ratings', 0), ('request_events', 0), ('notifications', 0) $$,
  'the researcher sees no help request, nor anything hanging off one');
select throws_ok($$ select api.help_queue() $$, 'PT403', 'request.mentors_only', 'the researcher cannot open the mentor queue');
select throws_ok($$ select api.help_request('c0000000-0000-4000-8000-0000000000a2') $$,
  'PT404', 'request.not_found', 'the researcher cannot open a request through the api');
select throws_ok($$ insert into public.help_requests (school_id, teacher_id, tool_id, subject, grade, submission_id) values ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', (select id from public.tools where name = 'Flip'), 'Research', '7', gen_random_uuid()) $$,
  '42501', 'new row violates row-level security policy for table "help_requests"', 'the researcher cannot post a request');
select results_eq($$ select distinct school_id from public.tools $$, array['10000000-0000-4000-8000-000000000001'::uuid],
  'the researcher reads the tools catalog of her school');

-- =============================================================================================
-- 4. Hours: only the coordinator verifies them, and nobody changes them afterwards.

-- Sofía, who wrote log a1.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000015', 'role', 'authenticated')::text, true);
select throws_ok($$ update public.session_logs set verified_by = '20000000-0000-4000-8000-000000000015', verified_at = now() where id = 'e0000000-0000-4000-8000-0000000000a1' $$,
  'PT403', 'session.only_coordinator_verifies', 'a mentor cannot verify her own hours');
select throws_ok($$ update public.session_logs set verified_by = '20000000-0000-4000-8000-000000000001', verified_at = now() where id = 'e0000000-0000-4000-8000-0000000000a1' $$,
  'PT403', 'session.only_coordinator_verifies', 'a mentor cannot verify her hours in the coordinator''s name');
select throws_ok($$ select api.verify_session_log('e0000000-0000-4000-8000-0000000000a1') $$,
  'PT403', 'session.only_coordinator_verifies', 'a mentor cannot verify hours through the api');
select throws_ok($$ insert into public.session_logs (request_id, school_id, mentor_id, covered, minutes, outcome, teacher_attended, verified_by, verified_at) values ('c0000000-0000-4000-8000-0000000000a4', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015', 'Posters and a share link.', 60, 'solved', true, '20000000-0000-4000-8000-000000000001', now()) $$,
  '42501', 'new row violates row-level security policy for table "session_logs"', 'a mentor cannot log hours that arrive already verified');
select results_eq($$ with i as (insert into public.session_logs (request_id, school_id, mentor_id, covered, minutes, outcome, teacher_attended) values ('c0000000-0000-4000-8000-0000000000a4', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015', 'Posters and a share link.', 60, 'solved', true) returning 1) select count(*)::int from i $$,
  array[1], 'a mentor logs unverified hours on a request she holds');
select results_eq($$ with u as (update public.session_logs set minutes = 50 where id = 'e0000000-0000-4000-8000-0000000000a1' returning 1) select count(*)::int from u $$,
  array[1], 'a mentor corrects her own log before it is verified');
-- Omar, partner on a1 but not the author of its log; Linh, not on the request.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000016', 'role', 'authenticated')::text, true);
select results_eq($$ with u as (update public.session_logs set verified_by = '20000000-0000-4000-8000-000000000016', verified_at = now() where id = 'e0000000-0000-4000-8000-0000000000a1' returning 1) select count(*)::int from u $$,
  array[0], 'a partner mentor cannot verify his teammate''s hours');
select throws_ok($$ select api.verify_session_log('e0000000-0000-4000-8000-0000000000a1') $$,
  'PT403', 'session.only_coordinator_verifies', 'a partner mentor cannot verify hours through the api');
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000017', 'role', 'authenticated')::text, true);
select throws_ok($$ insert into public.session_logs (request_id, school_id, mentor_id, covered, minutes, outcome, teacher_attended) values ('c0000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000017', 'Helped nobody at all.', 120, 'solved', true) $$,
  '42501', 'new row violates row-level security policy for table "session_logs"', 'a mentor cannot log hours on a request she does not hold');
select results_eq(
  $$ select 'session_proposals', count(*)::int from public.session_proposals
     union all select 'session_logs', count(*)::int from public.session_logs
     union all select 'help_ratings', count(*)::int from public.help_ratings
     union all select 'notifications', count(*)::int from public.notifications $$,
  $$ values ('session_proposals', 0), ('session_logs', 0), ('help_ratings', 0), ('notifications', 0) $$,
  'a mentor on no request sees no proposal, log, rating or notification of others');
-- Marcus, the teacher of a1.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);
select results_eq($$ select id from public.session_logs $$, array['e0000000-0000-4000-8000-0000000000a1'::uuid],
  'the teacher sees the log of his request');
select results_eq($$ with u as (update public.session_logs set verified_at = now(), minutes = 5 where id = 'e0000000-0000-4000-8000-0000000000a1' returning 1) select count(*)::int from u $$,
  array[0], 'the teacher neither verifies nor changes the mentor''s log');
-- Dana verifies.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);
select lives_ok($$ select api.verify_session_log('e0000000-0000-4000-8000-0000000000a1') $$, 'the coordinator verifies hours');
select results_eq($$ select verified_by, minutes from public.session_logs where id = 'e0000000-0000-4000-8000-0000000000a1' $$,
  $$ values ('20000000-0000-4000-8000-000000000001'::uuid, 50) $$, 'the hours are verified by the coordinator, as corrected');
-- Sofía, after verification.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000015', 'role', 'authenticated')::text, true);
select results_eq($$ with u as (update public.session_logs set minutes = 480 where id = 'e0000000-0000-4000-8000-0000000000a1' returning 1) select count(*)::int from u $$,
  array[0], 'a mentor cannot change her hours once they are verified');
select results_eq($$ with u as (update public.session_logs set verified_by = null, verified_at = null where id = 'e0000000-0000-4000-8000-0000000000a1' returning 1) select count(*)::int from u $$,
  array[0], 'a mentor cannot unverify her hours');

-- =============================================================================================
-- 5. Thanks: only the teacher who asked rates the help, and nobody rates their own.

-- Sofía, who helped with a1.
select throws_ok($$ insert into public.help_ratings (request_id, school_id, rated_by, mentor_id, rating, thanks) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015', '20000000-0000-4000-8000-000000000015', 5, 'I was great.') $$,
  '42501', 'new row violates row-level security policy for table "help_ratings"', 'a mentor cannot rate her own help');
select throws_ok($$ insert into public.help_ratings (request_id, school_id, rated_by, mentor_id, rating, thanks) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000015', 5, 'Sofía was great.') $$,
  '42501', 'new row violates row-level security policy for table "help_ratings"', 'a mentor cannot rate her help in the teacher''s name');
-- Omar, partner on a1.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000016', 'role', 'authenticated')::text, true);
select throws_ok($$ insert into public.help_ratings (request_id, school_id, rated_by, mentor_id, rating) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000016', '20000000-0000-4000-8000-000000000015', 5) $$,
  '42501', 'new row violates row-level security policy for table "help_ratings"', 'a partner mentor cannot rate the help he was part of');
-- Rosa, not the teacher of a1; Dana, coordinator but not its teacher.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000004', 'role', 'authenticated')::text, true);
select throws_ok($$ insert into public.help_ratings (request_id, school_id, rated_by, mentor_id, rating) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000015', 1) $$,
  '42501', 'new row violates row-level security policy for table "help_ratings"', 'a colleague cannot rate help she did not ask for');
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);
select throws_ok($$ insert into public.help_ratings (request_id, school_id, rated_by, mentor_id, rating) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015', 5) $$,
  '42501', 'new row violates row-level security policy for table "help_ratings"', 'the coordinator cannot rate help she did not ask for');
-- Marcus, the teacher of a1.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);
select throws_ok($$ insert into public.help_ratings (request_id, school_id, rated_by, mentor_id, rating) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000017', 5) $$,
  '42501', 'new row violates row-level security policy for table "help_ratings"', 'the teacher cannot credit the help to a mentor who does not hold the request');
select results_eq($$ with i as (insert into public.help_ratings (request_id, school_id, rated_by, mentor_id, rating, thanks) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000015', 5, '¡Gracias, Sofía!') returning 1) select count(*)::int from i $$,
  array[1], 'the teacher who asked rates the help of the mentor who held it');
select throws_ok($$ update public.help_ratings set rating = 1 $$,
  '42501', 'permission denied for table help_ratings', 'a rating is never changed afterwards');
select throws_ok($$ delete from public.help_ratings $$,
  '42501', 'permission denied for table help_ratings', 'a rating is never deleted by hand');
-- Who reads it.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000015', 'role', 'authenticated')::text, true);
select results_eq($$ select request_id from public.help_ratings $$, array['c0000000-0000-4000-8000-0000000000a1'::uuid],
  'the mentor reads the thanks she was given');
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000004', 'role', 'authenticated')::text, true);
select is_empty($$ select request_id from public.help_ratings $$, 'a colleague reads no rating of another teacher');
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);
select results_eq($$ select request_id from public.help_ratings $$, array['c0000000-0000-4000-8000-0000000000a1'::uuid],
  'the coordinator reads the ratings of her school and not those of school B');

-- =============================================================================================
-- 6. Notifications: made by the history trigger only, read and marked by their owner only.

-- Marcus.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);
select results_eq($$ select user_id, count(*)::int from public.notifications group by user_id $$,
  $$ values ('20000000-0000-4000-8000-000000000003'::uuid, 4) $$, 'a teacher reads his own notifications and nobody else''s');
select results_eq($$ with u as (update public.notifications set read_at = now() where user_id = '20000000-0000-4000-8000-000000000016' returning 1) select count(*)::int from u $$,
  array[0], 'a teacher cannot mark a mentor''s notifications read');
select results_eq($$ with u as (update public.notifications set read_at = now() returning user_id) select distinct user_id from u $$,
  array['20000000-0000-4000-8000-000000000003'::uuid], 'marking everything read touches only his own notifications');
select throws_ok($$ update public.notifications set user_id = '20000000-0000-4000-8000-000000000016' $$,
  '42501', 'permission denied for table notifications', 'a notification cannot be handed to someone else');
select throws_ok($$ delete from public.notifications $$,
  '42501', 'permission denied for table notifications', 'notifications are not deleted by hand');
select throws_ok($$ insert into public.notifications (user_id, school_id, kind, request_id) values ('20000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001', 'thanks', 'c0000000-0000-4000-8000-0000000000a1') $$,
  '42501', 'permission denied for table notifications', 'a teacher cannot write a notification');
-- Sofía, Omar.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000015', 'role', 'authenticated')::text, true);
select results_eq($$ select user_id, count(*)::int from public.notifications group by user_id $$,
  $$ values ('20000000-0000-4000-8000-000000000015'::uuid, 1) $$, 'a mentor reads her own notifications and nobody else''s');
select throws_ok($$ insert into public.notifications (user_id, school_id, kind, request_id) values ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'reminder', 'c0000000-0000-4000-8000-0000000000a1') $$,
  '42501', 'permission denied for table notifications', 'a mentor cannot write a notification');
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000016', 'role', 'authenticated')::text, true);
select results_eq($$ select user_id, count(*)::int, count(read_at)::int from public.notifications group by user_id $$,
  $$ values ('20000000-0000-4000-8000-000000000016'::uuid, 2, 0) $$, 'the partner reads his own notifications, still unread');
-- Dana.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);
select is_empty($$ select id from public.notifications $$, 'not even the coordinator reads other people''s notifications');
select throws_ok($$ insert into public.notifications (user_id, school_id, kind, request_id) values ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'escalated', 'c0000000-0000-4000-8000-0000000000a1') $$,
  '42501', 'permission denied for table notifications', 'not even the coordinator writes a notification');

-- =============================================================================================
-- 7. The history (request_events) is not a back door to the bell: people record only what their
-- part in a request lets them do. [hardening] Each forged event below would notify somebody.

-- Sofía, who holds a1 and a4.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000015', 'role', 'authenticated')::text, true);
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind, note) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015', 'escalated', 'Call IT') $$,
  '42501', 'new row violates row-level security policy for table "request_events"', '[hardening] a mentor cannot record an escalation (only the coordinator escalates)');
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015', 'reminded') $$,
  '42501', 'new row violates row-level security policy for table "request_events"', '[hardening] a mentor cannot send the teacher reminders of her own');
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015', 'verified') $$,
  '42501', 'new row violates row-level security policy for table "request_events"', '[hardening] a mentor cannot record her hours as verified');
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', 'closed') $$,
  '42501', 'new row violates row-level security policy for table "request_events"', 'a mentor cannot record something in the teacher''s name');
select results_eq($$ with i as (insert into public.request_events (request_id, school_id, actor_id, kind) values ('c0000000-0000-4000-8000-0000000000a4', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015', 'logged') returning 1) select count(*)::int from i $$,
  array[1], 'a mentor records what she did on a request she holds');
-- Linh, on no request.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000017', 'role', 'authenticated')::text, true);
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind) values ('c0000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000017', 'claimed') $$,
  '42501', 'new row violates row-level security policy for table "request_events"', '[hardening] a mentor cannot record a claim she did not make');
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000017', 'unclaimed') $$,
  '42501', 'new row violates row-level security policy for table "request_events"', '[hardening] a mentor cannot record giving back a request she never held');
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000017', 'reassigned') $$,
  '42501', 'new row violates row-level security policy for table "request_events"', '[hardening] a mentor cannot record a reassignment');
select results_eq($$ select distinct request_id from public.request_events order by request_id $$,
  array['c0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-0000000000a2', 'c0000000-0000-4000-8000-0000000000a3', 'c0000000-0000-4000-8000-0000000000a4']::uuid[],
  'a mentor reads the history of every request of her school');
select throws_ok($$ update public.request_events set note = 'rewritten' $$,
  '42501', 'permission denied for table request_events', 'history is never rewritten');
select throws_ok($$ delete from public.request_events $$,
  '42501', 'permission denied for table request_events', 'history is never deleted by hand');
-- Marcus.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', 'verified') $$,
  '42501', 'new row violates row-level security policy for table "request_events"', '[hardening] a teacher cannot record hours as verified');
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind) values ('c0000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', 'escalated') $$,
  '42501', 'new row violates row-level security policy for table "request_events"', '[hardening] a teacher cannot record an escalation');

-- =============================================================================================
-- 8. Claiming, the teacher's fields, escalation and reassignment.

-- Sofía, who holds a1 (Omar is her partner) and a4.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000015', 'role', 'authenticated')::text, true);
select throws_ok($$ update public.help_requests set claimed_by = '20000000-0000-4000-8000-000000000017', status = 'claimed', claimed_at = now() where id = 'c0000000-0000-4000-8000-0000000000a2' $$,
  'PT403', 'request.not_yours', '[hardening] a mentor cannot claim an open request for somebody else');
select throws_ok($$ update public.help_requests set claimed_by = '20000000-0000-4000-8000-000000000017' where id = 'c0000000-0000-4000-8000-0000000000a1' $$,
  'PT403', 'request.not_yours', 'a mentor cannot hand her request to anyone but her partner');
select throws_ok($$ update public.help_requests set partner_id = '20000000-0000-4000-8000-000000000017' where id = 'c0000000-0000-4000-8000-0000000000a4' $$,
  'PT403', 'request.not_yours', 'a mentor cannot sign somebody else up as her partner');
select throws_ok($$ update public.help_requests set is_private = false where id = 'c0000000-0000-4000-8000-0000000000a1' $$,
  'PT403', 'request.not_yours', 'the claiming mentor cannot make a private request public');
select throws_ok($$ update public.help_requests set subject = 'Whatever' where id = 'c0000000-0000-4000-8000-0000000000a1' $$,
  'PT403', 'request.not_yours', 'the claiming mentor cannot change the subject');
select throws_ok($$ update public.help_requests set tool_id = (select id from public.tools where name = 'Canva') where id = 'c0000000-0000-4000-8000-0000000000a1' $$,
  'PT403', 'request.not_yours', 'the claiming mentor cannot change the tool');
select throws_ok($$ update public.help_requests set urgency = 1, learner_flags = '{gifted}' where id = 'c0000000-0000-4000-8000-0000000000a4' $$,
  'PT403', 'request.not_yours', 'the claiming mentor cannot change urgency or learners');
select throws_ok($$ update public.help_requests set escalated_at = now(), escalation_note = 'Call IT' where id = 'c0000000-0000-4000-8000-0000000000a1' $$,
  'PT403', 'auth.forbidden', 'a mentor cannot escalate directly');
select throws_ok($$ select api.escalate_help_request('c0000000-0000-4000-8000-0000000000a1', 'Call IT') $$,
  'PT403', 'auth.forbidden', 'a mentor cannot escalate through the api');
select throws_ok($$ select api.reassign_help_request('c0000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000017') $$,
  'PT403', 'auth.forbidden', 'a mentor cannot reassign through the api');
-- Linh, on no request.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000017', 'role', 'authenticated')::text, true);
select throws_ok($$ update public.help_requests set claimed_by = '20000000-0000-4000-8000-000000000017', partner_id = null where id = 'c0000000-0000-4000-8000-0000000000a1' $$,
  'PT403', 'request.not_yours', 'a mentor cannot take over a request somebody else holds');
select throws_ok($$ update public.help_requests set partner_id = '20000000-0000-4000-8000-000000000017' where id = 'c0000000-0000-4000-8000-0000000000a1' $$,
  'PT403', 'request.not_yours', 'a mentor cannot push out a partner');
select throws_ok($$ update public.help_requests set status = 'cancelled' where id = 'c0000000-0000-4000-8000-0000000000a2' $$,
  'PT403', 'request.not_yours', '[hardening] a mentor who holds nothing cannot change an open request');
select throws_ok($$ update public.help_requests set is_private = false where id = 'c0000000-0000-4000-8000-0000000000a3' $$,
  'PT403', 'request.not_yours', 'a mentor cannot make an open private request public');
select lives_ok($$ select api.claim_help_request('c0000000-0000-4000-8000-0000000000a3') $$,
  'a mentor claims an open request for herself');
select results_eq($$ select request_id from public.help_request_details order by request_id $$,
  array['c0000000-0000-4000-8000-0000000000a2', 'c0000000-0000-4000-8000-0000000000a3', 'c0000000-0000-4000-8000-0000000000a4']::uuid[],
  'once she holds it, the mentor reads the private words of the request she claimed');
-- Marcus.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);
select throws_ok($$ update public.help_requests set claimed_by = '20000000-0000-4000-8000-000000000015', status = 'claimed' where id = 'c0000000-0000-4000-8000-0000000000a2' $$,
  'PT403', 'request.not_yours', 'a teacher cannot assign a mentor to his request');
select throws_ok($$ update public.help_requests set escalated_at = now(), escalation_note = 'Me first' where id = 'c0000000-0000-4000-8000-0000000000a2' $$,
  'PT403', 'auth.forbidden', 'a teacher cannot escalate his own request directly');
select throws_ok($$ select api.reassign_help_request('c0000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000017') $$,
  'PT403', 'auth.forbidden', 'a teacher cannot reassign through the api');
select throws_ok($$ insert into public.help_requests (school_id, teacher_id, tool_id, subject, grade, submission_id, escalated_at, escalation_note) values ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', (select id from public.tools where name = 'Flip'), 'Science', '7', gen_random_uuid(), now(), 'Me first') $$,
  '42501', 'new row violates row-level security policy for table "help_requests"', '[hardening] a teacher cannot post a request that arrives escalated');
select throws_ok($$ insert into public.help_requests (school_id, teacher_id, tool_id, subject, grade, submission_id, status, claimed_by) values ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', (select id from public.tools where name = 'Flip'), 'Science', '7', gen_random_uuid(), 'claimed', '20000000-0000-4000-8000-000000000015') $$,
  '42501', 'new row violates row-level security policy for table "help_requests"', 'a teacher cannot post a request already claimed by a mentor');
select results_eq($$ with i as (insert into public.help_requests (id, school_id, teacher_id, tool_id, subject, grade, submission_id) values ('c0000000-0000-4000-8000-0000000000a5', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', (select id from public.tools where name = 'Flip'), 'Science', '7', gen_random_uuid()) returning 1) select count(*)::int from i $$,
  array[1], 'a teacher posts a plain open request');
-- Sofía again: a mentor cannot post a request.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000015', 'role', 'authenticated')::text, true);
select throws_ok($$ insert into public.help_requests (school_id, teacher_id, tool_id, subject, grade, submission_id) values ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015', (select id from public.tools where name = 'Flip'), 'Science', '7', gen_random_uuid()) $$,
  '42501', 'new row violates row-level security policy for table "help_requests"', 'a mentor cannot post a help request');
-- Dana, coordinator.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);
select lives_ok($$ select api.escalate_help_request('c0000000-0000-4000-8000-0000000000a1', 'The projector needs the IT office') $$,
  'the coordinator escalates');
select lives_ok($$ select api.reassign_help_request('c0000000-0000-4000-8000-0000000000a2', '20000000-0000-4000-8000-000000000016') $$,
  'the coordinator reassigns');

-- =============================================================================================
-- 9. Session proposals: only the people in the request see and answer them.

-- Linh, on a3 now but not on a1.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000017', 'role', 'authenticated')::text, true);
select throws_ok($$ insert into public.session_proposals (request_id, school_id, proposed_by, starts_at, place) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000017', now() + interval '1 day', 'classroom') $$,
  '42501', 'new row violates row-level security policy for table "session_proposals"', 'a mentor cannot propose a time on a request she does not hold');
select results_eq($$ with u as (update public.session_proposals set status = 'accepted', answered_at = now() where id = 'd0000000-0000-4000-8000-0000000000a1' returning 1) select count(*)::int from u $$,
  array[0], 'a mentor cannot answer a proposal of a request she does not hold');
-- Rosa.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000004', 'role', 'authenticated')::text, true);
select results_eq($$ with u as (update public.session_proposals set status = 'declined', answered_at = now() where id = 'd0000000-0000-4000-8000-0000000000a1' returning 1) select count(*)::int from u $$,
  array[0], 'a teacher cannot answer a proposal made to a colleague');
select throws_ok($$ insert into public.session_proposals (request_id, school_id, proposed_by, starts_at, place) values ('c0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004', now() + interval '1 day', 'classroom') $$,
  '42501', 'new row violates row-level security policy for table "session_proposals"', 'a teacher cannot propose a time on a colleague''s request');
-- Omar, partner on a1.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000016', 'role', 'authenticated')::text, true);
select results_eq($$ select id from public.session_proposals $$, array['d0000000-0000-4000-8000-0000000000a1'::uuid],
  'the partner mentor sees the proposal of the request he joined');
-- Marcus answers.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);
select results_eq($$ with u as (update public.session_proposals set status = 'accepted', answered_at = now() where id = 'd0000000-0000-4000-8000-0000000000a1' returning 1) select count(*)::int from u $$,
  array[1], 'the teacher answers the proposal made to him');
-- Dana.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);
select results_eq($$ select id from public.session_proposals $$, array['d0000000-0000-4000-8000-0000000000a1'::uuid],
  'the coordinator sees the proposals of her school and not those of school B');

-- =============================================================================================
-- 10. The tools catalog: everyone at the school reads it, teachers add to it, the coordinator tidies it.

-- Sofía.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000015', 'role', 'authenticated')::text, true);
select throws_ok($$ insert into public.tools (school_id, name, category, created_by) values ('10000000-0000-4000-8000-000000000001', 'Scratch', 'other', '20000000-0000-4000-8000-000000000015') $$,
  '42501', 'new row violates row-level security policy for table "tools"', 'a mentor cannot add a tool');
select results_eq($$ with u as (update public.tools set url = 'https://example.org' where name = 'Flip' returning 1) select count(*)::int from u $$,
  array[0], 'a mentor cannot edit a tool');
-- Marcus.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000003', 'role', 'authenticated')::text, true);
select throws_ok($$ insert into public.tools (school_id, name, category, created_by) values ('10000000-0000-4000-8000-000000000001', 'Scratch', 'other', '20000000-0000-4000-8000-000000000004') $$,
  '42501', 'new row violates row-level security policy for table "tools"', 'a teacher cannot add a tool in a colleague''s name');
select results_eq($$ with i as (insert into public.tools (school_id, name, category, created_by) values ('10000000-0000-4000-8000-000000000001', 'Scratch', 'other', '20000000-0000-4000-8000-000000000003') returning 1) select count(*)::int from i $$,
  array[1], 'a teacher adds a tool to the catalog');
select results_eq($$ with u as (update public.tools set name = 'Flipped' where name = 'Flip' returning 1) select count(*)::int from u $$,
  array[0], 'a teacher cannot rename a tool');
select results_eq($$ with d as (delete from public.tools where name = 'Scratch' returning 1) select count(*)::int from d $$,
  array[0], 'a teacher cannot remove a tool, not even one he added');
-- Dana.
select set_config('request.jwt.claims', json_build_object('sub', '20000000-0000-4000-8000-000000000001', 'role', 'authenticated')::text, true);
select results_eq($$ with u as (update public.tools set url = 'https://scratch.mit.edu' where name = 'Scratch' returning 1) select count(*)::int from u $$,
  array[1], 'the coordinator tidies the catalog of her school');

-- =============================================================================================
-- 11. Nobody signed in.
reset role;
set local role anon;
select set_config('request.jwt.claims', json_build_object('role', 'anon')::text, true);

select throws_ok($$ select id from public.tools $$, '42501', 'permission denied for table tools', 'anon cannot read tools');
select throws_ok($$ select id from public.help_requests $$, '42501', 'permission denied for table help_requests', 'anon cannot read help requests');
select throws_ok($$ select goal from public.help_request_details $$, '42501', 'permission denied for table help_request_details', 'anon cannot read the words of requests');
select throws_ok($$ select id from public.session_proposals $$, '42501', 'permission denied for table session_proposals', 'anon cannot read session proposals');
select throws_ok($$ select id from public.session_logs $$, '42501', 'permission denied for table session_logs', 'anon cannot read session logs');
select throws_ok($$ select rating from public.help_ratings $$, '42501', 'permission denied for table help_ratings', 'anon cannot read ratings');
select throws_ok($$ select id from public.request_events $$, '42501', 'permission denied for table request_events', 'anon cannot read request history');
select throws_ok($$ select id from public.notifications $$, '42501', 'permission denied for table notifications', 'anon cannot read notifications');
select throws_ok($$ insert into public.help_requests (school_id, teacher_id, tool_id, subject, grade, submission_id) values ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', gen_random_uuid(), 'Spam', '7', gen_random_uuid()) $$,
  '42501', 'permission denied for table help_requests', 'anon cannot post a request');
select throws_ok($$ select api.help_request('c0000000-0000-4000-8000-0000000000a2') $$, 'PT401', 'auth.required', 'anon cannot open a request through the api');
select throws_ok($$ select api.claim_help_request('c0000000-0000-4000-8000-0000000000a5') $$, 'PT401', 'auth.required', 'anon cannot claim through the api');

-- =============================================================================================
-- 12. What actually happened, seen past RLS: only the writes that were allowed.
reset role;
select results_eq(
  $$ select id, claimed_by, partner_id, is_private, subject, urgency, escalated_at is not null from public.help_requests
     where school_id = '10000000-0000-4000-8000-000000000001' order by id $$,
  $$ values
     ('c0000000-0000-4000-8000-0000000000a1'::uuid, '20000000-0000-4000-8000-000000000015'::uuid, '20000000-0000-4000-8000-000000000016'::uuid, true, 'Science', 2::smallint, true),
     ('c0000000-0000-4000-8000-0000000000a2', '20000000-0000-4000-8000-000000000016', null, false, 'English', 2::smallint, false),
     ('c0000000-0000-4000-8000-0000000000a3', '20000000-0000-4000-8000-000000000017', null, true, 'Math', 3::smallint, false),
     ('c0000000-0000-4000-8000-0000000000a4', '20000000-0000-4000-8000-000000000015', null, false, 'Art', 2::smallint, false),
     ('c0000000-0000-4000-8000-0000000000a5', null, null, false, 'Science', 2::smallint, false) $$,
  'school A''s requests changed only through the allowed claim, reassignment, escalation and edit');
select results_eq(
  $$ select id, claimed_by, escalated_at is not null, (select count(*)::int from public.tools t where t.school_id = r.school_id and t.name <> 'Renamed')
     from public.help_requests r where school_id = '10000000-0000-4000-8000-000000000002' $$,
  $$ values ('c0000000-0000-4000-8000-0000000000b1'::uuid, '30000000-0000-4000-8000-000000000003'::uuid, false, 16) $$,
  'nothing of school B changed');
select results_eq($$ select request_id, verified_by from public.session_logs where verified_at is not null $$,
  $$ values ('c0000000-0000-4000-8000-0000000000a1'::uuid, '20000000-0000-4000-8000-000000000001'::uuid) $$,
  'only the coordinator verified hours, and only once');
select results_eq($$ select request_id, rated_by, mentor_id from public.help_ratings order by request_id $$,
  $$ values ('c0000000-0000-4000-8000-0000000000a1'::uuid, '20000000-0000-4000-8000-000000000003'::uuid, '20000000-0000-4000-8000-000000000015'::uuid),
            ('c0000000-0000-4000-8000-0000000000b1', '30000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000003') $$,
  'the only ratings are the ones the asking teachers gave');
select results_eq(
  $$ select kind, actor_id from public.request_events where kind in ('escalated', 'reassigned', 'verified', 'reminded', 'unclaimed') order by id $$,
  $$ values ('verified', '20000000-0000-4000-8000-000000000001'::uuid), ('escalated', '20000000-0000-4000-8000-000000000001'::uuid),
            ('reassigned', '20000000-0000-4000-8000-000000000001'::uuid) $$,
  'the history holds the coordinator''s verification, escalation and reassignment and nothing forged');

select * from finish();
rollback;
