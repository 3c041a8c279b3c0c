-- Issue 10, point 5 (the rest of asking to join): the request's teacher is told a mentor asks to
-- join; the mentor who asked is told the teacher's yes or no; nobody else is told anything. Only
-- the mentor who asked can take the ask back; another school can neither take it back nor answer;
-- and nobody can send these notifications by writing the history by hand.
-- School A is the demo school of seed.sql: 01 Dana (coordinator), 03 Marcus (teacher), 15 Sofía,
-- 16 Omar, 17 Linh (mentors). School B is made here.
begin;
select plan(33);

-- School B: 3..02 Ben, teacher; 3..03 Kai, student mentor.
insert into public.schools (id, name, code, time_zone, is_demo) values
  ('10000000-0000-4000-8000-000000000002', 'Hillcrest Middle School', 'hillcrest', 'America/Chicago', false);
insert into auth.users (id, email) values
  ('30000000-0000-4000-8000-000000000002', 'ben.ito@hillcrest.example.org'),
  ('30000000-0000-4000-8000-000000000003', 'kai.s@hillcrest.students.invalid');
insert into public.profiles (user_id, school_id, display_name, username) values
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', 'Ben Ito', null),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'Kai S.', 'kai.s');
insert into public.memberships (user_id, school_id, role) values
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', 'teacher'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'student_mentor');

-- Two of Marcus's requests about Flip, claimed by Sofía: a1 (private) and a2.
insert into public.help_requests (id, school_id, teacher_id, tool_id, subject, grade, is_private, status, claimed_by,
  claimed_at, submission_id)
select v.id, '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', t.id, 'Science', '7', v.is_private,
  'claimed', '20000000-0000-4000-8000-000000000015', now() - interval '1 day', gen_random_uuid()
from (values ('a1000000-0000-4000-8000-0000000000a1'::uuid, true), ('a1000000-0000-4000-8000-0000000000a2', false)) as v (id, is_private)
join public.tools t on t.school_id = '10000000-0000-4000-8000-000000000001' and t.name = 'Flip';

set local role authenticated;

-- =============================================================================================
-- The ask tells the teacher, and only the teacher. (Marcus starts with nothing unread.)
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select lives_ok($$ select api.mark_notifications_read() $$, 'Marcus has read all his notifications');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000016", "role": "authenticated"}', true);
select lives_ok($$ select api.join_help_request('a1000000-0000-4000-8000-0000000000a1') $$, 'Omar asks to join a1');
reset role;
select results_eq($$ select user_id, kind from public.notifications where request_id = 'a1000000-0000-4000-8000-0000000000a1' order by id $$,
  $$ values ('20000000-0000-4000-8000-000000000003'::uuid, 'partner_asked') $$,
  'the request''s teacher is told someone asks to join, and nobody else is told');
set local role authenticated;
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select is((select (n ->> 'kind') || ', read: ' || (n ->> 'read') from jsonb_array_elements(api.my_notifications() -> 'notifications') n
           where n ->> 'request_id' = 'a1000000-0000-4000-8000-0000000000a1'), 'partner_asked, read: false',
  'the teacher finds it in his notifications, unread');
select is((api.me() ->> 'unread')::int, 1, 'and the bell counts it');

-- =============================================================================================
-- Only the mentor who asked can take the ask back.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000017", "role": "authenticated"}', true);
select throws_ok($$ select api.withdraw_partner_ask('a1000000-0000-4000-8000-0000000000a1') $$,
  'PT403', 'request.not_your_ask', 'denied: another mentor cannot take back Omar''s ask');
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind)
  values ('a1000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000017', 'ask_withdrawn') $$,
  '42501', null, 'denied: nor write in the history that she took back an ask');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select throws_ok($$ select api.withdraw_partner_ask('a1000000-0000-4000-8000-0000000000a1') $$,
  'PT403', 'request.not_your_ask', 'denied: the mentor who holds the request cannot take it back for him');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select throws_ok($$ select api.withdraw_partner_ask('a1000000-0000-4000-8000-0000000000a1') $$,
  'PT403', 'request.not_your_ask', 'denied: the teacher answers an ask, he does not take it back');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select throws_ok($$ select api.withdraw_partner_ask('a1000000-0000-4000-8000-0000000000a1') $$,
  'PT403', 'request.not_your_ask', 'denied: nor does the coordinator');
-- School B.
select set_config('request.jwt.claims', '{"sub": "30000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select throws_ok($$ select api.withdraw_partner_ask('a1000000-0000-4000-8000-0000000000a1') $$,
  'PT404', 'request.not_found', 'denied: a mentor of another school cannot take the ask back');
select set_config('request.jwt.claims', '{"sub": "30000000-0000-4000-8000-000000000002", "role": "authenticated"}', true);
select throws_ok($$ select api.withdraw_partner_ask('a1000000-0000-4000-8000-0000000000a1') $$,
  'PT404', 'request.not_found', 'denied: nor a teacher of another school');
select throws_ok($$ select api.answer_partner_ask('a1000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000016', false) $$,
  'PT404', 'request.not_found', 'denied: a teacher of another school cannot answer the ask');
reset role;
select results_eq($$ select asking_partner_id from public.help_requests where id = 'a1000000-0000-4000-8000-0000000000a1' $$,
  $$ values ('20000000-0000-4000-8000-000000000016'::uuid) $$, 'after all that, Omar is still asking');
set local role authenticated;

-- Omar takes it back.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000016", "role": "authenticated"}', true);
select is(api.withdraw_partner_ask('a1000000-0000-4000-8000-0000000000a1') ->> 'asked', 'false', 'allowed: the mentor who asked takes his ask back');
select is(api.partner_ask('a1000000-0000-4000-8000-0000000000a1'),
  '{"someone_asking": false, "asking": null, "mine": false, "can_answer": false}'::jsonb, 'nobody is asking now');
select results_eq($$ select kind, actor_id from public.request_events where request_id = 'a1000000-0000-4000-8000-0000000000a1' order by id $$,
  $$ values ('asked_to_join', '20000000-0000-4000-8000-000000000016'::uuid), ('ask_withdrawn', '20000000-0000-4000-8000-000000000016'::uuid) $$,
  'the history says he asked and took it back');
select throws_ok($$ select api.withdraw_partner_ask('a1000000-0000-4000-8000-0000000000a1') $$,
  'PT403', 'request.not_your_ask', 'there is nothing left to take back');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select throws_ok($$ select api.answer_partner_ask('a1000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000016', true) $$,
  'PT409', 'request.ask_gone', 'the teacher''s yes to an ask taken back lets nobody in');
reset role;
select is((select count(*)::int from public.notifications where request_id = 'a1000000-0000-4000-8000-0000000000a1'), 0,
  'taking an ask back tells nobody, and the teacher''s note about the ask is gone with it');
set local role authenticated;

-- =============================================================================================
-- The teacher's yes tells the mentor who asked, and only him.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000016", "role": "authenticated"}', true);
select lives_ok($$ select api.join_help_request('a1000000-0000-4000-8000-0000000000a1') $$, 'Omar asks again');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select lives_ok($$ select api.answer_partner_ask('a1000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000016', true) $$,
  'Marcus says yes');
reset role;
select results_eq($$ select user_id, kind from public.notifications where request_id = 'a1000000-0000-4000-8000-0000000000a1' order by id $$,
  $$ values ('20000000-0000-4000-8000-000000000003'::uuid, 'partner_asked'),
            ('20000000-0000-4000-8000-000000000016'::uuid, 'partner_approved') $$,
  'the mentor who asked is told yes; the teacher and the mentor who holds the request are not');
set local role authenticated;
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000016", "role": "authenticated"}', true);
select is((select n ->> 'kind' from jsonb_array_elements(api.my_notifications() -> 'notifications') n
           where n ->> 'request_id' = 'a1000000-0000-4000-8000-0000000000a1'), 'partner_approved',
  'Omar finds the yes in his notifications');

-- The teacher's no tells the mentor who asked, and only her.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000017", "role": "authenticated"}', true);
select lives_ok($$ select api.join_help_request('a1000000-0000-4000-8000-0000000000a2') $$, 'Linh asks to join a2');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select lives_ok($$ select api.answer_partner_ask('a1000000-0000-4000-8000-0000000000a2', '20000000-0000-4000-8000-000000000017', false) $$,
  'Marcus says no');
reset role;
select results_eq($$ select user_id, kind from public.notifications where request_id = 'a1000000-0000-4000-8000-0000000000a2' order by id $$,
  $$ values ('20000000-0000-4000-8000-000000000003'::uuid, 'partner_asked'), ('20000000-0000-4000-8000-000000000017'::uuid, 'partner_declined') $$,
  'the mentor who asked is told no, and nobody else');
select results_eq($$ select kind, asking_mentor_id from public.request_events
  where request_id = 'a1000000-0000-4000-8000-0000000000a2' and kind = 'partner_declined' $$,
  $$ values ('partner_declined', '20000000-0000-4000-8000-000000000017'::uuid) $$, 'the no names the mentor it answers');
set local role authenticated;

-- =============================================================================================
-- Nobody sends these notifications by writing the history by hand.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind, asking_mentor_id)
  values ('a1000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003',
          'partner_declined', '20000000-0000-4000-8000-000000000015') $$,
  '42501', null, 'denied: the teacher cannot send a no to a mentor who never asked');
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind, asking_mentor_id)
  values ('a1000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003',
          'partner_declined', '30000000-0000-4000-8000-000000000003') $$,
  '42501', null, 'denied: nor to a mentor of another school');
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind, asking_mentor_id)
  values ('a1000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003',
          'proposed', '20000000-0000-4000-8000-000000000015') $$,
  '42501', null, 'denied: other events name no mentor');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select throws_ok($$ insert into public.request_events (request_id, school_id, actor_id, kind, asking_mentor_id)
  values ('a1000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001',
          'partner_approved', '20000000-0000-4000-8000-000000000015') $$,
  '42501', null, 'denied: not even the coordinator can send a yes to a mentor who never asked');
reset role;
select is((select count(*)::int from public.notifications where user_id in ('20000000-0000-4000-8000-000000000015',
  '30000000-0000-4000-8000-000000000003') and kind like 'partner%'), 0, 'Sofía and Kai were never told anything about asking to join');

select * from finish();
rollback;
