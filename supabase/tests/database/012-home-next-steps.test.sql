-- Home's next steps (20261129000300_home_next_steps.sql): a card says who is looking and where a
-- session takes place, only to the people in the request; the guides waiting for review reach the
-- coordinator and the teacher asked to review, never the author or another teacher.
begin;
select plan(10);

-- Seed: d..02 Rosa's Flip request, scheduled with Sofía (15) in the classroom; d..04 Marcus's (03)
-- Canva request, logged by Omar (16). e..02 is Sofía's Canva draft; it goes for review here.
update public.walkthroughs set status = 'in_review', submitted_at = now() where id = 'e0000000-0000-4000-8000-000000000002';

set local role authenticated;
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select is((select c ->> 'place' from jsonb_array_elements(api.home() -> 'mentor' -> 'mine') c
           where c ->> 'id' = 'd0000000-0000-4000-8000-000000000002'), 'classroom', 'the mentor''s card says where the session is');
select is((select c ->> 'viewer' from jsonb_array_elements(api.home() -> 'mentor' -> 'mine') c
           where c ->> 'id' = 'd0000000-0000-4000-8000-000000000002'), 'mentor', 'and that the mentor is looking');
select is((api.home() -> 'guides' ->> 'to_review_count')::int, 0, 'the author is not asked to review her own guide');

select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000017", "role": "authenticated"}', true);
select is(api.help_request('d0000000-0000-4000-8000-000000000002') -> 'request' -> 'place', 'null'::jsonb,
  'a mentor outside the request does not learn where the session is');
select is(api.help_request('d0000000-0000-4000-8000-000000000002') -> 'request' ->> 'viewer', null, 'nor is called one of its people');

select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select is((select c ->> 'viewer' from jsonb_array_elements(api.home() -> 'teacher' -> 'active') c
           where c ->> 'id' = 'd0000000-0000-4000-8000-000000000004'), 'teacher', 'the teacher''s own card knows it is theirs');
select is((api.home() -> 'guides' ->> 'to_review_count')::int, 0, 'a teacher not asked to review sees no guide to review');

select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000001", "role": "authenticated"}', true);
select is((api.home() -> 'guides' ->> 'to_review_count')::int, 1, 'the coordinator is told one guide waits for review');
select is(api.home() -> 'guides' -> 'to_review' -> 0 ->> 'id', 'e0000000-0000-4000-8000-000000000002', 'and which one');

reset role;
update public.walkthroughs set reviewer_id = '20000000-0000-4000-8000-000000000003' where id = 'e0000000-0000-4000-8000-000000000002';
set local role authenticated;
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select is((api.home() -> 'guides' ->> 'to_review_count')::int, 1, 'the teacher asked to review it is told too');

select * from finish();
rollback;
