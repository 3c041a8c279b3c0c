-- Walkthroughs under RLS, table by table: drafts only for their authors and the coordinator,
-- published guides for everyone at the school, another school never sees or writes anything.
-- Seeded at Lakeside (A): e..01 published (Sofía), e..02 Sofía's draft.
begin;
select plan(37);

insert into public.schools (id, name, code, time_zone, is_demo) values
  ('10000000-0000-4000-8000-000000000002', 'Hillcrest Middle School', 'hillcrest', 'America/Chicago', false);
insert into auth.users (id, email) values
  ('30000000-0000-4000-8000-000000000001', 'beth.cole@hillcrest.example.org'),
  ('30000000-0000-4000-8000-000000000003', 'kai.s@hillcrest.students.invalid');
insert into public.profiles (user_id, school_id, display_name, username) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'Beth Cole', null),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'Kai S.', 'kai.s');
insert into public.memberships (user_id, school_id, role) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', 'coordinator'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'student_mentor');
-- A draft at Hillcrest (B), by Kai.
insert into public.walkthroughs (id, school_id, tool_id, created_by, original_language) values
  ('e0000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-000000000002',
   (select id from public.tools where school_id = '10000000-0000-4000-8000-000000000002' limit 1),
   '30000000-0000-4000-8000-000000000003', 'en');
insert into public.walkthrough_authors (walkthrough_id, user_id, school_id) values
  ('e0000000-0000-4000-8000-0000000000b1', '30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002');
-- A vote and a comment by Marcus on A's published guide, and a screenshot on it.
insert into public.walkthrough_votes (walkthrough_id, user_id, school_id, helpful) values
  ('e0000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', true);
insert into public.walkthrough_comments (walkthrough_id, school_id, author_id, body) values
  ('e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', 'Very clear, thank you.');
insert into public.screenshots (id, school_id, walkthrough_id, uploaded_by, width, height, bytes) values
  ('e2000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001',
   '20000000-0000-4000-8000-000000000015', 1366, 768, 90000),
  ('e2000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002',
   '20000000-0000-4000-8000-000000000015', 800, 600, 50000);

set local role authenticated;

-- Omar, a mentor at A who wrote neither.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000016", "role": "authenticated"}', true);
select results_eq($$ select id from public.walkthroughs order by id $$,
  $$ values ('e0000000-0000-4000-8000-000000000001'::uuid) $$, 'another mentor sees the published guide, not Sofía''s draft');
select is_empty($$ select 1 from public.walkthrough_versions where walkthrough_id = 'e0000000-0000-4000-8000-000000000002' $$,
  'nor the draft''s words');
select is_empty($$ select 1 from public.walkthrough_step_texts $$, 'nor any working copy''s step words');
select results_eq($$ select count(*)::int from public.walkthrough_revisions $$, $$ values (1) $$,
  'he reads the one published revision, not the history');
select results_eq($$ select id from public.screenshots $$, $$ values ('e2000000-0000-4000-8000-000000000001'::uuid) $$,
  'he sees the published guide''s screenshot, not the draft''s');
select throws_ok($$ insert into public.walkthrough_steps (walkthrough_id, school_id, position)
  values ('e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 9) $$,
  '42501', null, 'he cannot add a step to someone else''s guide');
select throws_ok($$ insert into public.walkthrough_versions (walkthrough_id, language, school_id, title)
  values ('e0000000-0000-4000-8000-000000000001', 'vi', '10000000-0000-4000-8000-000000000001', 'Ghi hình') $$,
  '42501', null, 'nor a language version');
select results_eq($$ with u as (update public.walkthroughs set minutes = 99 where id = 'e0000000-0000-4000-8000-000000000001' returning 1)
  select count(*)::int from u $$, $$ values (0) $$, 'nor change its details');
select throws_ok($$ insert into public.walkthrough_authors (walkthrough_id, user_id, school_id)
  values ('e0000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000016', '10000000-0000-4000-8000-000000000001') $$,
  '42501', null, 'nor make himself an author');
select lives_ok($$ insert into public.walkthrough_votes (walkthrough_id, user_id, school_id, helpful)
  values ('e0000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000016', '10000000-0000-4000-8000-000000000001', false) $$,
  'he votes on the published guide');
select throws_ok($$ insert into public.walkthrough_votes (walkthrough_id, user_id, school_id, helpful)
  values ('e0000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000016', '10000000-0000-4000-8000-000000000001', true) $$,
  '42501', null, 'but not on a draft');
select results_eq($$ select user_id from public.walkthrough_votes $$, $$ values ('20000000-0000-4000-8000-000000000016'::uuid) $$,
  'he sees his own vote only, not Marcus''s');
select is_empty($$ select 1 from public.walkthrough_comments $$, 'comments are for the authors, not other readers');
select throws_ok($$ insert into public.walkthrough_reviews (walkthrough_id, school_id, reviewer_id, decision)
  values ('e0000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000016', 'approved') $$,
  '42501', null, 'a mentor cannot review');

-- Sofía, the author.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select results_eq($$ select id from public.walkthroughs order by id $$,
  $$ values ('e0000000-0000-4000-8000-000000000001'::uuid), ('e0000000-0000-4000-8000-000000000002'::uuid) $$, 'the author sees her draft too');
select results_eq($$ select title from public.walkthrough_versions where walkthrough_id = 'e0000000-0000-4000-8000-000000000002' $$,
  $$ values ('Make a class poster in Canva') $$, 'and its words');
select results_eq($$ with u as (update public.walkthrough_versions set title = 'Make a poster in Canva'
  where walkthrough_id = 'e0000000-0000-4000-8000-000000000002' returning 1) select count(*)::int from u $$, $$ values (1) $$, 'she edits them');
select throws_ok($$ update public.walkthroughs set status = 'published' where id = 'e0000000-0000-4000-8000-000000000002' $$,
  'PT403', 'walkthrough.not_your_step', 'she cannot publish her own draft by writing the table');
select results_eq($$ select body from public.walkthrough_comments $$, $$ values ('Very clear, thank you.') $$, 'she reads comments on her guide');
select throws_ok($$ insert into public.walkthrough_reviews (walkthrough_id, school_id, reviewer_id, decision)
  values ('e0000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015', 'approved') $$,
  '42501', null, 'nor approve it by writing a review');

-- Marcus, a teacher at A.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select is_empty($$ select 1 from public.walkthroughs where id = 'e0000000-0000-4000-8000-000000000002' $$, 'a teacher does not see the draft');
select results_eq($$ select count(*)::int from public.walkthrough_search where school_id = '10000000-0000-4000-8000-000000000001' $$,
  $$ values (2) $$, 'a teacher searches the published guide''s two language versions');
select lives_ok($$ insert into public.walkthrough_comments (walkthrough_id, school_id, author_id, body)
  values ('e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', 'Could step 3 have a picture?') $$,
  'and comments on the published guide');
select throws_ok($$ insert into public.walkthrough_comments (walkthrough_id, school_id, author_id, body)
  values ('e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000016', 'As Omar') $$,
  '42501', null, 'but not in someone else''s name');

-- Dana, the coordinator at A.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select results_eq($$ select count(*)::int from public.walkthroughs where school_id = '10000000-0000-4000-8000-000000000001' $$,
  $$ values (2) $$, 'the coordinator sees the draft as well as the published guide');
select results_eq($$ select count(*)::int from public.screenshots $$, $$ values (2) $$, 'and both screenshots');
select is_empty($$ select 1 from public.walkthroughs where school_id = '10000000-0000-4000-8000-000000000002' $$,
  'but nothing of another school');

-- Beth, the coordinator at B: nothing of A, in any table, and no writes into A.
select set_config('request.jwt.claims', '{"sub": "30000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select results_eq($$ select id from public.walkthroughs $$, $$ values ('e0000000-0000-4000-8000-0000000000b1'::uuid) $$,
  'another school''s coordinator sees only her school''s walkthrough');
select is_empty($$ select 1 from public.walkthrough_versions v join public.walkthroughs w on w.id = v.walkthrough_id
  where w.school_id = '10000000-0000-4000-8000-000000000001'
  union all select 1 from public.walkthrough_steps where school_id = '10000000-0000-4000-8000-000000000001'
  union all select 1 from public.walkthrough_step_texts where school_id = '10000000-0000-4000-8000-000000000001'
  union all select 1 from public.walkthrough_authors where school_id = '10000000-0000-4000-8000-000000000001' $$,
  'no words, steps or authors of A');
select is_empty($$ select 1 from public.walkthrough_revisions where school_id = '10000000-0000-4000-8000-000000000001'
  union all select 1 from public.walkthrough_search where school_id = '10000000-0000-4000-8000-000000000001'
  union all select 1 from public.screenshots where school_id = '10000000-0000-4000-8000-000000000001' $$,
  'no revisions, search rows or screenshots of A');
select is_empty($$ select 1 from public.walkthrough_votes where school_id = '10000000-0000-4000-8000-000000000001'
  union all select 1 from public.walkthrough_comments where school_id = '10000000-0000-4000-8000-000000000001'
  union all select 1 from public.walkthrough_reviews where school_id = '10000000-0000-4000-8000-000000000001' $$,
  'no votes, comments or reviews of A');
select throws_ok($$ insert into public.walkthrough_comments (walkthrough_id, school_id, author_id, body)
  values ('e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 'Hello') $$,
  '42501', null, 'she cannot comment on A''s guide');
select throws_ok($$ insert into public.walkthrough_votes (walkthrough_id, user_id, school_id, helpful)
  values ('e0000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', true) $$,
  '42501', null, 'nor vote on it');
select throws_ok($$ insert into public.walkthroughs (school_id, tool_id, created_by, original_language)
  values ('10000000-0000-4000-8000-000000000001', (select id from public.tools limit 1), '30000000-0000-4000-8000-000000000001', 'en') $$,
  '42501', null, 'nor start a walkthrough at A');
select results_eq($$ with u as (update public.walkthrough_versions set title = 'Hacked'
  where walkthrough_id = 'e0000000-0000-4000-8000-000000000001' returning 1) select count(*)::int from u $$, $$ values (0) $$,
  'nor change A''s words');

-- Kai, the author at B: his draft, nothing at A.
select set_config('request.jwt.claims', '{"sub": "30000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select results_eq($$ select id from public.walkthroughs $$, $$ values ('e0000000-0000-4000-8000-0000000000b1'::uuid) $$,
  'a mentor at B sees his own draft and nothing published at A');
select is_empty($$ select 1 from public.walkthrough_search $$, 'and finds nothing of A in search');

select * from finish();
rollback;
