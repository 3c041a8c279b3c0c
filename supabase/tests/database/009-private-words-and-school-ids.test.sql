-- Issue 10: private words stay with the people the teacher chose, and a school's rows only ever
-- point at its own school.
--   Point 5: a mentor who joins a request as partner only asks to join; until the request's
--   teacher says yes they cannot read private words. Only that teacher answers; another school
--   can neither ask nor answer nor learn who asked.
--   Point 6: every api function that takes ids inside an array or JSON (log_session's tool ids,
--   walkthrough_save's step ids), and those that take one person or tool of the school
--   (co-author, reviewer, tool, mentor), refuses another school's ids and stores nothing.
--   Point 2: a walkthrough started from a private request starts without the teacher's words.
-- School A is the demo school of seed.sql; school B is made here.
begin;
select plan(48);

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

-- Requests at A, all Marcus's (03) and claimed by Sofía (15), about A's Flip:
--   f1 PRIVATE, claimed (Omar asks to join, Marcus says yes); f2 PRIVATE, claimed (Linh asks,
--   Marcus says no); f3 not private, claimed (Sofía logs it); f4 PRIVATE, done (a walkthrough from it).
-- At B: fb Ben's request, claimed by Kai.
insert into public.help_requests (id, school_id, teacher_id, tool_id, subject, grade, is_private, status, claimed_by,
  claimed_at, done_at, submission_id)
select v.id, v.school_id, v.teacher_id, t.id, 'Science', '7', v.is_private, v.status::public.help_status, v.claimed_by,
  now() - interval '1 day', case when v.status = 'done' then now() - interval '1 hour' end, gen_random_uuid()
from (values
  ('f0000000-0000-4000-8000-0000000000a1'::uuid, '10000000-0000-4000-8000-000000000001'::uuid, '20000000-0000-4000-8000-000000000003'::uuid, true, 'claimed', '20000000-0000-4000-8000-000000000015'::uuid),
  ('f0000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', true, 'claimed', '20000000-0000-4000-8000-000000000015'),
  ('f0000000-0000-4000-8000-0000000000a3', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', false, 'claimed', '20000000-0000-4000-8000-000000000015'),
  ('f0000000-0000-4000-8000-0000000000a4', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', true, 'done', '20000000-0000-4000-8000-000000000015'),
  ('f0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000002', false, 'claimed', '30000000-0000-4000-8000-000000000003')
) as v (id, school_id, teacher_id, is_private, status, claimed_by)
join public.tools t on t.school_id = v.school_id and t.name = 'Flip';
insert into public.help_request_details (request_id, school_id, goal) values
  ('f0000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-000000000001', 'PRIVATE f1: I panic when my class sees me fail at tech.'),
  ('f0000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-000000000001', 'PRIVATE f2: My hands shake when I use the projector.'),
  ('f0000000-0000-4000-8000-0000000000a3', '10000000-0000-4000-8000-000000000001', 'OPEN f3: Students should record short book reviews.'),
  ('f0000000-0000-4000-8000-0000000000a4', '10000000-0000-4000-8000-000000000001', 'PRIVATE f4: I was told off for not using video last year.'),
  ('f0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002', 'OPEN fb: Oral history interviews.');
-- A walkthrough at B with one step, by Kai.
insert into public.walkthroughs (id, school_id, tool_id, created_by, original_language) values
  ('e0000000-0000-4000-8000-0000000000b9', '10000000-0000-4000-8000-000000000002',
   (select id from public.tools where school_id = '10000000-0000-4000-8000-000000000002' and name = 'Flip'),
   '30000000-0000-4000-8000-000000000003', 'en');
insert into public.walkthrough_authors (walkthrough_id, user_id, school_id) values
  ('e0000000-0000-4000-8000-0000000000b9', '30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002');
insert into public.walkthrough_steps (id, walkthrough_id, school_id, position) values
  ('e1000000-0000-4000-8000-0000000000b9', 'e0000000-0000-4000-8000-0000000000b9', '10000000-0000-4000-8000-000000000002', 1);

set local role authenticated;

-- =============================================================================================
-- Point 5. Omar (16) asks to join f1.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000016", "role": "authenticated"}', true);
select is(api.join_help_request('f0000000-0000-4000-8000-0000000000a1') ->> 'asked', 'true', 'a mentor who joins a claimed request asks to join');
select is_empty($$ select 1 from public.help_request_details where request_id = 'f0000000-0000-4000-8000-0000000000a1' $$,
  'denied: until the teacher says yes, he cannot read the private words in the table');
select is(api.help_request('f0000000-0000-4000-8000-0000000000a1') -> 'request' ->> 'goal', null,
  'denied: nor on the request page');
select is((api.help_request('f0000000-0000-4000-8000-0000000000a1') -> 'request' ->> 'partner'), null, 'he is not the partner yet');
select is(api.partner_ask('f0000000-0000-4000-8000-0000000000a1') - 'asking',
  '{"someone_asking": true, "mine": true, "can_answer": false}'::jsonb, 'he is told he is waiting for the teacher');
select throws_ok($$ update public.help_requests set partner_id = '20000000-0000-4000-8000-000000000016', asking_partner_id = null
  where id = 'f0000000-0000-4000-8000-0000000000a1' $$, 'PT403', 'request.not_yours', 'he cannot make himself the partner in the table');
select throws_ok($$ select api.answer_partner_ask('f0000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000016', true) $$,
  'PT403', 'request.only_teacher_answers_ask', 'nor say yes to himself');
select throws_ok($$ select api.propose_session('f0000000-0000-4000-8000-0000000000a1', now() + interval '1 day', 'classroom') $$,
  'PT403', 'request.not_yours', 'nor act in the request while he waits');

-- Linh (17), another mentor: the request already has someone asking.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000017", "role": "authenticated"}', true);
select throws_ok($$ select api.join_help_request('f0000000-0000-4000-8000-0000000000a1') $$,
  'PT409', 'request.has_partner', 'a second mentor cannot ask while one is waiting');
select is(api.partner_ask('f0000000-0000-4000-8000-0000000000a1') - 'someone_asking',
  '{"asking": null, "mine": false, "can_answer": false}'::jsonb, 'and is not told who asked');

-- Sofía, who holds the request; Dana, the coordinator (and a teacher); Rosa, another teacher.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select throws_ok($$ select api.answer_partner_ask('f0000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000016', true) $$,
  'PT403', 'request.only_teacher_answers_ask', 'the mentor who holds the request cannot let a partner in');
select throws_ok($$ update public.help_requests set partner_id = '20000000-0000-4000-8000-000000000016', asking_partner_id = null
  where id = 'f0000000-0000-4000-8000-0000000000a1' $$, 'PT403', 'request.not_yours', 'not even in the table');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select throws_ok($$ select api.answer_partner_ask('f0000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000016', true) $$,
  'PT403', 'request.only_teacher_answers_ask', 'the coordinator cannot answer for the teacher');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000004", "role": "authenticated"}', true);
select throws_ok($$ select api.answer_partner_ask('f0000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000016', true) $$,
  'PT404', 'request.not_found', 'another teacher cannot answer (she does not even see the request)');

-- School B: Ben (teacher) and Kai (mentor).
select set_config('request.jwt.claims', '{"sub": "30000000-0000-4000-8000-000000000002", "role": "authenticated"}', true);
select throws_ok($$ select api.answer_partner_ask('f0000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000016', true) $$,
  'PT404', 'request.not_found', 'a teacher of another school cannot answer');
select is(api.partner_ask('f0000000-0000-4000-8000-0000000000a1'),
  '{"someone_asking": false, "asking": null, "mine": false, "can_answer": false}'::jsonb, 'nor learn that anyone asked');
select set_config('request.jwt.claims', '{"sub": "30000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select throws_ok($$ select api.join_help_request('f0000000-0000-4000-8000-0000000000a1') $$,
  'PT404', 'request.not_found', 'a mentor of another school cannot ask to join');

-- Marcus, the request's teacher, sees who asked; a yes names the mentor he saw.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select is(api.partner_ask('f0000000-0000-4000-8000-0000000000a1'),
  '{"someone_asking": true, "asking": {"user_id": "20000000-0000-4000-8000-000000000016", "display_name": "Omar K."}, "mine": false, "can_answer": true}'::jsonb,
  'the teacher sees who asks to join, and may answer');
select throws_ok($$ select api.answer_partner_ask('f0000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000017', true) $$,
  'PT409', 'request.ask_gone', 'a yes to a mentor who is not asking lets nobody in');
select lives_ok($$ select api.answer_partner_ask('f0000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000016', true) $$,
  'the teacher says yes');

select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000016", "role": "authenticated"}', true);
select results_eq($$ select goal from public.help_request_details where request_id = 'f0000000-0000-4000-8000-0000000000a1' $$,
  $$ values ('PRIVATE f1: I panic when my class sees me fail at tech.') $$, 'allowed: the approved partner reads the private words');
select is(api.help_request('f0000000-0000-4000-8000-0000000000a1') -> 'request' ->> 'partner', 'Omar K.', 'he is the partner now');
select is(api.partner_ask('f0000000-0000-4000-8000-0000000000a1') -> 'asking', 'null'::jsonb, 'and no longer asking');
select results_eq($$ select kind from public.request_events where request_id = 'f0000000-0000-4000-8000-0000000000a1' order by id $$,
  $$ values ('asked_to_join'), ('partner_approved') $$, 'the history has the ask and the yes');

-- f2: Linh asks, Marcus says no.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000017", "role": "authenticated"}', true);
select lives_ok($$ select api.join_help_request('f0000000-0000-4000-8000-0000000000a2') $$, 'Linh asks to join f2');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select lives_ok($$ select api.answer_partner_ask('f0000000-0000-4000-8000-0000000000a2', '20000000-0000-4000-8000-000000000017', false) $$,
  'the teacher says no');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000017", "role": "authenticated"}', true);
select is_empty($$ select 1 from public.help_request_details where request_id = 'f0000000-0000-4000-8000-0000000000a2' $$,
  'denied: after a no, she still cannot read the private words');
select is(api.partner_ask('f0000000-0000-4000-8000-0000000000a2'), '{"someone_asking": false, "asking": null, "mine": false, "can_answer": false}'::jsonb,
  'and is no longer waiting');
select results_eq($$ select partner_id, asking_partner_id from public.help_requests where id = 'f0000000-0000-4000-8000-0000000000a2' $$,
  $$ values (null::uuid, null::uuid) $$, 'f2 has no partner and nobody asking');

-- =============================================================================================
-- Point 6. Another school's ids inside an array or JSON are refused, and nothing is stored.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select throws_ok($$ select api.log_session(p_request_id => 'f0000000-0000-4000-8000-0000000000a3', p_covered => 'Recording a review.',
  p_minutes => 30, p_outcome => 'solved', p_next_steps => '', p_teacher_attended => true,
  p_tool_ids => array[(select id from public.tools where name = 'Flip'), 'b0000000-0000-4000-8000-000000000000'::uuid]) $$,
  'PT400', 'errors.other_school', 'log_session refuses a tool id that is not one of the school''s tools');
select throws_ok($$ select api.log_session(p_request_id => 'f0000000-0000-4000-8000-0000000000a3', p_covered => 'Recording a review.',
  p_minutes => 30, p_outcome => 'solved', p_next_steps => '', p_teacher_attended => true,
  p_tool_ids => array[(select id from public.tools where school_id = '10000000-0000-4000-8000-000000000002' and name = 'Canva')]) $$,
  'PT400', 'errors.other_school', 'log_session refuses another school''s tool');
reset role;
select is_empty($$ select 1 from public.session_logs where request_id = 'f0000000-0000-4000-8000-0000000000a3' $$,
  'nothing was logged');
select is((select status::text from public.help_requests where id = 'f0000000-0000-4000-8000-0000000000a3'), 'claimed',
  'and the request did not move on');
set local role authenticated;
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select lives_ok($$ select api.log_session(p_request_id => 'f0000000-0000-4000-8000-0000000000a3', p_covered => 'Recording a review.',
  p_minutes => 30, p_outcome => 'solved', p_next_steps => '', p_teacher_attended => true,
  p_tool_ids => array(select id from public.tools where name in ('Flip', 'Canva'))) $$,
  'allowed: the school''s own tools are logged');
reset role;
select throws_ok($$ update public.session_logs set tool_ids = array[(select id from public.tools
    where school_id = '10000000-0000-4000-8000-000000000002' and name = 'Flip')]
  where request_id = 'f0000000-0000-4000-8000-0000000000a3' $$,
  'PT400', 'errors.other_school', 'no path to the table stores another school''s tool in a log');
select results_eq($$ select t.school_id from public.session_logs l, unnest(l.tool_ids) x (id) join public.tools t on t.id = x.id
  where l.request_id = 'f0000000-0000-4000-8000-0000000000a3' $$,
  $$ values ('10000000-0000-4000-8000-000000000001'::uuid), ('10000000-0000-4000-8000-000000000001'::uuid) $$,
  'the stored log points only at the school''s own tools');
set local role authenticated;
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);

-- walkthrough_save: a step id of another school's walkthrough inside p_steps.
select throws_ok($$ select api.walkthrough_save(p_walkthrough_id => 'e0000000-0000-4000-8000-000000000002', p_language => 'en',
  p_title => 'Taken over', p_outcome => '', p_prerequisites => '', p_tool_id => (select id from public.tools where name = 'Canva'),
  p_difficulty => 1, p_minutes => 10,
  p_steps => '[{"id": "e1000000-0000-4000-8000-0000000000b9", "body": "Written into another school"}]'::jsonb) $$,
  'PT409', 'walkthrough.step_gone', 'walkthrough_save refuses a step id of another school''s walkthrough');
-- The co-author, the reviewer and the tool of a walkthrough are the school's people and tools.
select throws_ok($$ select api.walkthrough_add_author('e0000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000003') $$,
  'PT400', 'walkthrough.bad_author', 'a mentor of another school cannot be made a co-author');
select throws_ok($$ select api.walkthrough_start(gen_random_uuid(), (select id from public.tools t
    where t.school_id = '10000000-0000-4000-8000-000000000002' limit 1), 'en', 'Someone else''s tool') $$,
  'PT400', 'walkthrough.bad_tool', 'a walkthrough cannot be about another school''s tool');
reset role;
select results_eq($$ select title from public.walkthrough_versions where walkthrough_id = 'e0000000-0000-4000-8000-000000000002' $$,
  $$ values ('Make a class poster in Canva') $$, 'the refused save changed nothing');
select is_empty($$ select 1 from public.walkthrough_step_texts where step_id = 'e1000000-0000-4000-8000-0000000000b9' $$,
  'and wrote nothing into the other school''s step');
select results_eq($$ select user_id from public.walkthrough_authors where walkthrough_id = 'e0000000-0000-4000-8000-000000000002' $$,
  $$ values ('20000000-0000-4000-8000-000000000015'::uuid) $$, 'nobody of another school became a co-author');
set local role authenticated;
-- Sofía sends her draft for review: a teacher of another school cannot be the reviewer.
select throws_ok($$ select api.walkthrough_submit('e0000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000002') $$,
  'PT400', 'walkthrough.bad_reviewer', 'a teacher of another school cannot review the school''s walkthrough');
-- The coordinator cannot hand a request to another school's mentor.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select throws_ok($$ select api.reassign_help_request('f0000000-0000-4000-8000-0000000000a2', '30000000-0000-4000-8000-000000000003') $$,
  'PT400', 'request.bad_mentor', 'a request cannot be given to a mentor of another school');

-- =============================================================================================
-- Point 2. Sofía makes a walkthrough from f4, which Marcus kept private: it starts without his words.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select lives_ok($$ select api.walkthrough_start('f1000000-0000-4000-8000-0000000000a4', null, 'en', 'Video without fear',
    'f0000000-0000-4000-8000-0000000000a4') $$, 'a mentor who helped makes a walkthrough from the private request');
select is(api.walkthrough_editor((select id from public.walkthroughs where submission_id = 'f1000000-0000-4000-8000-0000000000a4'))
    -> 'version' ->> 'outcome', '', 'it starts with an empty goal');
select is(api.walkthrough_editor((select id from public.walkthroughs where submission_id = 'f1000000-0000-4000-8000-0000000000a4'))
    -> 'walkthrough' -> 'from_private_request', 'true'::jsonb, 'and the editor knows to ask for the author''s own words');
reset role;
select is_empty($$ select 1 from public.walkthrough_versions v join public.walkthroughs w on w.id = v.walkthrough_id
  where w.from_request_id = 'f0000000-0000-4000-8000-0000000000a4' and (v.title || v.outcome || v.prerequisites) like '%told off%' $$,
  'the private words are nowhere in its draft');

select * from finish();
rollback;
