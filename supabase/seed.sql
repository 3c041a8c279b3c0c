-- The demo school: Lakeside Junior High, a believable junior high with a student tech team.
-- Loaded on first start in demo mode (the embedded default) and by `supabase db reset`.
-- Every demo account's password is "playground-demo" (argon2id); /demo signs in with one click.
-- Students have no email: their login is <username>@<school code>.students.invalid.

insert into public.schools (id, name, code, time_zone, is_demo) values
  ('10000000-0000-4000-8000-000000000001', 'Lakeside Junior High', 'lakeside', 'America/Chicago', true);

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at) values
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'dana.whitfield@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'priya.raman@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000003', 'authenticated', 'authenticated', 'marcus.bell@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000004', 'authenticated', 'authenticated', 'rosa.delgado@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000005', 'authenticated', 'authenticated', 'helen.okafor@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000006', 'authenticated', 'authenticated', 'tom.nguyen@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000007', 'authenticated', 'authenticated', 'sarah.goldberg@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000008', 'authenticated', 'authenticated', 'james.whitaker@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000009', 'authenticated', 'authenticated', 'aisha.haddad@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000010', 'authenticated', 'authenticated', 'kevin.obrien@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000011', 'authenticated', 'authenticated', 'linda.park@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000012', 'authenticated', 'authenticated', 'carlos.mendoza@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000013', 'authenticated', 'authenticated', 'grace.liu@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000014', 'authenticated', 'authenticated', 'paul.jensen@lakeside.example.org', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000015', 'authenticated', 'authenticated', 'sofia.r@lakeside.students.invalid', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000016', 'authenticated', 'authenticated', 'omar.k@lakeside.students.invalid', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000017', 'authenticated', 'authenticated', 'linh.t@lakeside.students.invalid', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000018', 'authenticated', 'authenticated', 'mateo.g@lakeside.students.invalid', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000019', 'authenticated', 'authenticated', 'mei.c@lakeside.students.invalid', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000020', 'authenticated', 'authenticated', 'jayden.w@lakeside.students.invalid', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000021', 'authenticated', 'authenticated', 'valentina.p@lakeside.students.invalid', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000022', 'authenticated', 'authenticated', 'yusuf.a@lakeside.students.invalid', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000023', 'authenticated', 'authenticated', 'ana.l@lakeside.students.invalid', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now()),
  ('00000000-0000-0000-0000-000000000000', '20000000-0000-4000-8000-000000000024', 'authenticated', 'authenticated', 'diego.m@lakeside.students.invalid', '$argon2id$v=19$m=19456,t=2,p=1$qzVn5mMThRQ0TFLcKIYTbA$1H6x++s/Bg4bsxLdmo5LS/58K1f8qhP6+AxLSFyLGHU', now());

insert into public.profiles (user_id, school_id, display_name, username, preferred_languages) values
  ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'Dana Whitfield', null, '{en}'),
  ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'Dr. Priya Raman', null, '{en}'),
  ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'Marcus Bell', null, '{en}'),
  ('20000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', 'Rosa Delgado', null, '{es,en}'),
  ('20000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', 'Helen Okafor', null, '{en}'),
  ('20000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', 'Tom Nguyen', null, '{en,vi}'),
  ('20000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', 'Sarah Goldberg', null, '{en}'),
  ('20000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000001', 'James Whitaker', null, '{en}'),
  ('20000000-0000-4000-8000-000000000009', '10000000-0000-4000-8000-000000000001', 'Aisha Haddad', null, '{en,ar}'),
  ('20000000-0000-4000-8000-000000000010', '10000000-0000-4000-8000-000000000001', 'Kevin O''Brien', null, '{en}'),
  ('20000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-000000000001', 'Linda Park', null, '{en}'),
  ('20000000-0000-4000-8000-000000000012', '10000000-0000-4000-8000-000000000001', 'Carlos Mendoza', null, '{es,en}'),
  ('20000000-0000-4000-8000-000000000013', '10000000-0000-4000-8000-000000000001', 'Grace Liu', null, '{en,zh}'),
  ('20000000-0000-4000-8000-000000000014', '10000000-0000-4000-8000-000000000001', 'Paul Jensen', null, '{en}'),
  ('20000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001', 'Sofía R.', 'sofia.r', '{es,en}'),
  ('20000000-0000-4000-8000-000000000016', '10000000-0000-4000-8000-000000000001', 'Omar K.', 'omar.k', '{ar,en}'),
  ('20000000-0000-4000-8000-000000000017', '10000000-0000-4000-8000-000000000001', 'Linh T.', 'linh.t', '{vi,en}'),
  ('20000000-0000-4000-8000-000000000018', '10000000-0000-4000-8000-000000000001', 'Mateo G.', 'mateo.g', '{es,en}'),
  ('20000000-0000-4000-8000-000000000019', '10000000-0000-4000-8000-000000000001', 'Mei C.', 'mei.c', '{zh,en}'),
  ('20000000-0000-4000-8000-000000000020', '10000000-0000-4000-8000-000000000001', 'Jayden W.', 'jayden.w', '{en}'),
  ('20000000-0000-4000-8000-000000000021', '10000000-0000-4000-8000-000000000001', 'Valentina P.', 'valentina.p', '{es,en}'),
  ('20000000-0000-4000-8000-000000000022', '10000000-0000-4000-8000-000000000001', 'Yusuf A.', 'yusuf.a', '{ar,en}'),
  ('20000000-0000-4000-8000-000000000023', '10000000-0000-4000-8000-000000000001', 'Ana L.', 'ana.l', '{pt,en}'),
  ('20000000-0000-4000-8000-000000000024', '10000000-0000-4000-8000-000000000001', 'Diego M.', 'diego.m', '{es,en}');

insert into public.memberships (user_id, school_id, role) values
  ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'coordinator'),
  ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'researcher'),
  ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000009', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000010', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000012', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000013', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000014', '10000000-0000-4000-8000-000000000001', 'teacher'),
  ('20000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001', 'student_mentor'),
  ('20000000-0000-4000-8000-000000000016', '10000000-0000-4000-8000-000000000001', 'student_mentor'),
  ('20000000-0000-4000-8000-000000000017', '10000000-0000-4000-8000-000000000001', 'student_mentor'),
  ('20000000-0000-4000-8000-000000000018', '10000000-0000-4000-8000-000000000001', 'student_mentor'),
  ('20000000-0000-4000-8000-000000000019', '10000000-0000-4000-8000-000000000001', 'student_mentor'),
  ('20000000-0000-4000-8000-000000000020', '10000000-0000-4000-8000-000000000001', 'student_mentor'),
  ('20000000-0000-4000-8000-000000000021', '10000000-0000-4000-8000-000000000001', 'student_mentor'),
  ('20000000-0000-4000-8000-000000000022', '10000000-0000-4000-8000-000000000001', 'student_mentor'),
  ('20000000-0000-4000-8000-000000000023', '10000000-0000-4000-8000-000000000001', 'student_mentor'),
  ('20000000-0000-4000-8000-000000000024', '10000000-0000-4000-8000-000000000001', 'student_mentor');

insert into public.demo_personas (user_id, school_id, sort_order) values
  ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 0),
  ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 3),
  ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 1),
  ('20000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', 4),
  ('20000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', 14),
  ('20000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', 15),
  ('20000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', 16),
  ('20000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000001', 17),
  ('20000000-0000-4000-8000-000000000009', '10000000-0000-4000-8000-000000000001', 18),
  ('20000000-0000-4000-8000-000000000010', '10000000-0000-4000-8000-000000000001', 19),
  ('20000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-000000000001', 20),
  ('20000000-0000-4000-8000-000000000012', '10000000-0000-4000-8000-000000000001', 21),
  ('20000000-0000-4000-8000-000000000013', '10000000-0000-4000-8000-000000000001', 22),
  ('20000000-0000-4000-8000-000000000014', '10000000-0000-4000-8000-000000000001', 23),
  ('20000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001', 2),
  ('20000000-0000-4000-8000-000000000016', '10000000-0000-4000-8000-000000000001', 5),
  ('20000000-0000-4000-8000-000000000017', '10000000-0000-4000-8000-000000000001', 26),
  ('20000000-0000-4000-8000-000000000018', '10000000-0000-4000-8000-000000000001', 27),
  ('20000000-0000-4000-8000-000000000019', '10000000-0000-4000-8000-000000000001', 28),
  ('20000000-0000-4000-8000-000000000020', '10000000-0000-4000-8000-000000000001', 29),
  ('20000000-0000-4000-8000-000000000021', '10000000-0000-4000-8000-000000000001', 30),
  ('20000000-0000-4000-8000-000000000022', '10000000-0000-4000-8000-000000000001', 31),
  ('20000000-0000-4000-8000-000000000023', '10000000-0000-4000-8000-000000000001', 32),
  ('20000000-0000-4000-8000-000000000024', '10000000-0000-4000-8000-000000000001', 33);

-- Help requests in every state, so each role's pages have something real on them.
-- d..01 Marcus asks about Kahoot! (open, urgent); d..02 Rosa asks in Spanish about Flip, Sofía
-- claimed it and the session is scheduled; d..03 Aisha keeps her words private (open);
-- d..04 Marcus about Canva: Omar logged the session, waiting for Marcus to confirm.
insert into public.help_requests (id, school_id, teacher_id, tool_id, subject, grade, learner_flags, languages,
  available_days, available_times, urgency, is_private, status, claimed_by, claimed_at, scheduled_at, done_at,
  waiting_on_teacher_since, submission_id, created_at)
select v.id::uuid, '10000000-0000-4000-8000-000000000001', v.teacher::uuid,
  (select t.id from public.tools t where t.school_id = '10000000-0000-4000-8000-000000000001' and t.name = v.tool),
  v.subject, v.grade, v.flags::text[], v.langs::text[], v.days::text[], v.times::text[], v.urgency, v.private,
  v.status::public.help_status, v.claimed_by::uuid, v.claimed_at, v.scheduled_at, v.done_at, v.waiting, gen_random_uuid(), v.created_at
from (values
  ('d0000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', 'Kahoot!', 'Science', '8',
   '{whole_class}', '{en}', '{tue,thu}', '{lunch,after_school}', 3, false, 'open', null, null::timestamptz, null::timestamptz,
   null::timestamptz, null::timestamptz, now() - interval '1 day'),
  ('d0000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000004', 'Flip', 'Español', '7',
   '{english_learners}', '{es,en}', '{wed}', '{morning}', 2, false, 'scheduled', '20000000-0000-4000-8000-000000000015',
   now() - interval '2 days', now() + interval '2 days', null, null, now() - interval '3 days'),
  ('d0000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000009', 'Read&Write', 'Social studies', '9',
   '{dyslexic}', '{ar,en}', '{}', '{}', 2, true, 'open', null, null, null, null, null, now() - interval '4 hours'),
  ('d0000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000003', 'Canva', 'Art', '8',
   '{english_learners,dyslexic}', '{en,ar}', '{mon,fri}', '{afternoon}', 1, false, 'done', '20000000-0000-4000-8000-000000000016',
   now() - interval '5 days', now() - interval '1 day', now() - interval '20 hours', now() - interval '20 hours', now() - interval '6 days')
) as v (id, teacher, tool, subject, grade, flags, langs, days, times, urgency, private, status, claimed_by, claimed_at,
        scheduled_at, done_at, waiting, created_at);

insert into public.help_request_details (request_id, school_id, goal) values
  ('d0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'I want a fun Kahoot review game before the ecosystems test on Thursday.'),
  ('d0000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'Quiero que mis estudiantes graben lecturas en voz alta en Flip y las compartan con sus familias.'),
  ('d0000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'I do not know how to turn on text-to-speech for my students who struggle with reading.'),
  ('d0000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', 'Students should design a poster about their culture with Canva templates.');

insert into public.session_proposals (request_id, school_id, proposed_by, starts_at, place, status, answered_at) values
  ('d0000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015',
   now() + interval '2 days', 'classroom', 'accepted', now() - interval '1 day');

insert into public.session_logs (request_id, school_id, mentor_id, covered, minutes, tool_ids, outcome, next_steps, teacher_attended) values
  ('d0000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000016',
   'Templates, adding text and pictures, sharing a link to the class.', 35,
   array[(select t.id from public.tools t where t.school_id = '10000000-0000-4000-8000-000000000001' and t.name = 'Canva')],
   'solved', 'Show students how to comment on each other''s posters.', true);

-- The history; the trigger also fills the bell (Marcus, Rosa and Aisha have notifications).
insert into public.request_events (request_id, school_id, actor_id, kind, created_at) values
  ('d0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', 'posted', now() - interval '1 day'),
  ('d0000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004', 'posted', now() - interval '3 days'),
  ('d0000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015', 'claimed', now() - interval '2 days'),
  ('d0000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004', 'scheduled', now() - interval '1 day'),
  ('d0000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000009', 'posted', now() - interval '4 hours'),
  ('d0000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', 'posted', now() - interval '6 days'),
  ('d0000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000016', 'claimed', now() - interval '5 days'),
  ('d0000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000016', 'logged', now() - interval '20 hours');

-- Walkthroughs: Sofía's published guide to Flip (written in Spanish, translated into English) and
-- her English draft about Canva, which only she and the coordinator can see.
insert into public.walkthroughs (id, school_id, tool_id, created_by, original_language, difficulty, minutes, status, created_at)
values
  ('e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001',
   (select t.id from public.tools t where t.school_id = '10000000-0000-4000-8000-000000000001' and t.name = 'Flip'),
   '20000000-0000-4000-8000-000000000015', 'es', 2, 10, 'draft', now() - interval '10 days'),
  ('e0000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001',
   (select t.id from public.tools t where t.school_id = '10000000-0000-4000-8000-000000000001' and t.name = 'Canva'),
   '20000000-0000-4000-8000-000000000015', 'en', 1, 15, 'draft', now() - interval '2 days');
insert into public.walkthrough_authors (walkthrough_id, user_id, school_id) values
  ('e0000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001'),
  ('e0000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001');
insert into public.walkthrough_versions (walkthrough_id, language, school_id, title, outcome, prerequisites) values
  ('e0000000-0000-4000-8000-000000000001', 'es', '10000000-0000-4000-8000-000000000001', 'Grabar una lectura en voz alta con Flip',
   'Podrás grabar un vídeo corto y compartirlo con tu grupo.', 'Una cuenta de Flip y el código del grupo.'),
  ('e0000000-0000-4000-8000-000000000001', 'en', '10000000-0000-4000-8000-000000000001', 'Record a read-aloud with Flip',
   'You will be able to record a short video and share it with your group.', 'A Flip account and the group code.'),
  ('e0000000-0000-4000-8000-000000000002', 'en', '10000000-0000-4000-8000-000000000001', 'Make a class poster in Canva',
   'You will be able to start from a template and add your own words.', '');
insert into public.walkthrough_steps (id, walkthrough_id, school_id, position) values
  ('e1000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 1),
  ('e1000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 2),
  ('e1000000-0000-4000-8000-000000000003', 'e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 3),
  ('e1000000-0000-4000-8000-000000000004', 'e0000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 1);
insert into public.walkthrough_step_texts (step_id, language, walkthrough_id, school_id, body, callout_kind, callout) values
  ('e1000000-0000-4000-8000-000000000001', 'es', 'e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001',
   'Abre **Flip** y escribe el código de tu grupo.', null, ''),
  ('e1000000-0000-4000-8000-000000000002', 'es', 'e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001',
   'Pulsa el botón verde para grabar. Lee despacio.', 'tip', 'Puedes grabar otra vez antes de enviar.'),
  ('e1000000-0000-4000-8000-000000000003', 'es', 'e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001',
   'Revisa el vídeo y pulsa **Enviar**.', 'caution', 'No muestres la cara de otras personas sin permiso.'),
  ('e1000000-0000-4000-8000-000000000001', 'en', 'e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001',
   'Open **Flip** and type your group code.', null, ''),
  ('e1000000-0000-4000-8000-000000000002', 'en', 'e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001',
   'Press the green button to record. Read slowly.', 'tip', 'You can record again before you send it.'),
  ('e1000000-0000-4000-8000-000000000004', 'en', 'e0000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001',
   'Open Canva and search for "class poster".', null, '');
-- Step 3 has no English words yet: readers see the Spanish, marked "not yet translated".
with published as (
  insert into public.walkthrough_revisions (walkthrough_id, school_id, reason, snapshot, created_by, created_at)
  values ('e0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'published',
    app_private.walkthrough_snapshot('e0000000-0000-4000-8000-000000000001') || jsonb_build_object('published_at', now() - interval '7 days'),
    '20000000-0000-4000-8000-000000000001', now() - interval '7 days')
  returning id, snapshot)
update public.walkthroughs w set status = 'published', published_revision_id = p.id, published_at = now() - interval '7 days'
from published p where w.id = 'e0000000-0000-4000-8000-000000000001';
select app_private.index_walkthrough('e0000000-0000-4000-8000-000000000001',
  (select r.snapshot from public.walkthrough_revisions r where r.walkthrough_id = 'e0000000-0000-4000-8000-000000000001'));
