-- A request's status moves only along the loop, even for someone who reaches the table directly.
begin;
select plan(8);

-- Marcus (03) asks; Sofía (15) holds it; Omar (16) is another mentor.
insert into public.help_requests (id, school_id, teacher_id, tool_id, subject, grade, status, claimed_by, submission_id)
select 'e0000000-0000-4000-8000-000000000001', s.id, '20000000-0000-4000-8000-000000000003', t.id, 'Steps', '7',
  'claimed', '20000000-0000-4000-8000-000000000015', gen_random_uuid()
from public.schools s join public.tools t on t.school_id = s.id and t.name = 'Flip'
where s.id = '10000000-0000-4000-8000-000000000001';

set local role authenticated;
-- The mentor who holds it cannot skip to closed, nor the teacher mark it done.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000015", "role": "authenticated"}', true);
select throws_ok($$ update public.help_requests set status = 'closed' where id = 'e0000000-0000-4000-8000-000000000001' $$,
  'PT403', 'request.not_yours', 'the mentor cannot close a request: only the teacher, after rating');
select throws_ok($$ update public.help_requests set status = 'cancelled' where id = 'e0000000-0000-4000-8000-000000000001' $$,
  'PT403', 'request.not_yours', 'the mentor cannot cancel the teacher''s request');
select lives_ok($$ update public.help_requests set status = 'done' where id = 'e0000000-0000-4000-8000-000000000001' $$,
  'the mentor who holds it marks it done (what log_session does)');
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000003", "role": "authenticated"}', true);
select throws_ok($$ update public.help_requests set status = 'closed' where id = 'e0000000-0000-4000-8000-000000000001' $$,
  'PT403', 'request.not_yours', 'the teacher cannot close it without rating the help first');
select throws_ok($$ update public.help_requests set status = 'open' where id = 'e0000000-0000-4000-8000-000000000001' $$,
  'PT403', 'request.not_yours', 'the teacher cannot put a done request back in the queue');
select lives_ok($$ select api.close_help_request('e0000000-0000-4000-8000-000000000001', 4, 'Thanks!') $$,
  'through the api the teacher rates and closes it');
select is((select status::text from public.help_requests where id = 'e0000000-0000-4000-8000-000000000001'), 'closed',
  'and it is closed');
-- Another mentor cannot reopen or move it.
select set_config('request.jwt.claims', '{"sub": "20000000-0000-4000-8000-000000000016", "role": "authenticated"}', true);
select results_eq($$ with u as (update public.help_requests set status = 'open' where id = 'e0000000-0000-4000-8000-000000000001' returning 1) select count(*)::int from u $$,
  array[0], 'a mentor outside the request cannot touch a closed request');

select * from finish();
rollback;
