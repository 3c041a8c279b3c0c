-- Issue 10, point 5, the rest of asking to join (20261129000100 made partners ask first):
--   * the teacher is told a mentor asks to join, and the mentor who asked is told the answer;
--   * a mentor can take back their ask.
--
-- Who asked: on 'asked_to_join' the mentor is the event's actor, but the teacher's answer is the
-- teacher's event, and after a no the request no longer names anyone asking. So the answer's
-- event row names the mentor it answers (asking_mentor_id), and only a mentor who really asked
-- to join that request can be named (checked when the row is written and again before telling).

alter table public.request_events
  add column asking_mentor_id uuid references public.profiles (user_id) on delete set null;
comment on column public.request_events.asking_mentor_id is
  'On the teacher''s yes or no (partner_approved, partner_declined): the mentor who had asked to join.';

-- The history also says when a mentor took back their ask.
alter table public.request_events drop constraint request_events_kind_check;
alter table public.request_events add constraint request_events_kind_check check (kind in ('posted', 'claimed', 'joined',
  'unclaimed', 'proposed', 'scheduled', 'logged', 'closed', 'cancelled', 'reopened', 'reminded', 'auto_closed', 'reassigned',
  'escalated', 'verified', 'asked_to_join', 'partner_approved', 'partner_declined', 'ask_withdrawn'));

-- Every kind so far: the first list (20261124000100), the walkthrough kinds of 20261129000200
-- (review_requested, published), and the three about asking to join.
alter table public.notifications drop constraint notifications_kind_check;
alter table public.notifications add constraint notifications_kind_check
  check (kind in ('claimed', 'unclaimed', 'proposed', 'scheduled', 'reminder', 'logged', 'thanks',
    'auto_closed', 'reassigned', 'escalated', 'review_requested', 'published',
    'partner_asked', 'partner_approved', 'partner_declined'));

-- Did this mentor ask to join this request? (Read by the policy below and by the notifier, so a
-- hand-written answer cannot send a notification to someone who never asked.)
create function app_private.asked_to_join(p_request_id uuid, p_mentor_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select p_mentor_id is not null and exists (
    select from public.request_events e
    where e.request_id = p_request_id and e.kind = 'asked_to_join' and e.actor_id = p_mentor_id)
$$;
revoke all on function app_private.asked_to_join(uuid, uuid) from public;
grant execute on function app_private.asked_to_join(uuid, uuid) to authenticated;

-- The policy of 20261129000100, plus: the answer names a mentor who asked (a yes names the new
-- partner), other events name nobody, and a mentor records taking back only their own ask, in
-- the transaction that ended it.
drop policy "people record what their part in a request lets them do" on public.request_events;
create policy "people record what their part in a request lets them do" on public.request_events
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and actor_id = (select auth.uid())
    and (select app_private.sees_request(request_id))
    and kind not in ('reminded', 'auto_closed')
    and (case when kind in ('partner_approved', 'partner_declined')
           then (select app_private.asked_to_join(request_id, asking_mentor_id))
           else asking_mentor_id is null end)
    and ((select app_private.has_role('coordinator'))
      or exists (
        select from public.help_requests r
        where r.id = request_events.request_id and r.school_id = request_events.school_id
          and case request_events.kind
            when 'posted' then r.teacher_id = (select auth.uid())
            when 'closed' then r.teacher_id = (select auth.uid())
            when 'cancelled' then r.teacher_id = (select auth.uid())
            when 'reopened' then r.teacher_id = (select auth.uid())
            when 'claimed' then r.claimed_by = (select auth.uid())
            when 'joined' then r.partner_id = (select auth.uid())
            when 'asked_to_join' then r.asking_partner_id = (select auth.uid())
            when 'partner_approved' then r.teacher_id = (select auth.uid()) and r.partner_id = request_events.asking_mentor_id
            when 'partner_declined' then r.teacher_id = (select auth.uid()) and r.asking_partner_id is null
            when 'ask_withdrawn' then r.asking_partner_id is null and r.updated_at = now()
              and (select app_private.asked_to_join(r.id, (select auth.uid())))
            when 'logged' then (select auth.uid()) in (r.claimed_by, r.partner_id)
            when 'proposed' then (select auth.uid()) in (r.teacher_id, r.claimed_by, r.partner_id)
            when 'scheduled' then (select auth.uid()) in (r.teacher_id, r.claimed_by, r.partner_id)
            when 'unclaimed' then (select app_private.has_role('student_mentor')) and r.updated_at = now()
            else false
          end
      ))
  );

-- notify_request_event of 20261124000100, plus: an ask tells the request's teacher; the
-- teacher's yes or no tells the mentor who asked (and nobody else). Taking an ask back tells
-- nobody: the request page simply no longer shows it.
create or replace function app_private.notify_request_event() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  r public.help_requests;
  v_kind text;
begin
  select * into r from public.help_requests where id = new.request_id;
  v_kind := case new.kind
    when 'claimed' then 'claimed' when 'joined' then 'claimed' when 'unclaimed' then 'unclaimed'
    when 'proposed' then 'proposed' when 'scheduled' then 'scheduled' when 'reminded' then 'reminder'
    when 'logged' then 'logged' when 'closed' then 'thanks' when 'auto_closed' then 'auto_closed'
    when 'reassigned' then 'reassigned' when 'escalated' then 'escalated'
    when 'asked_to_join' then 'partner_asked' when 'partner_approved' then 'partner_approved'
    when 'partner_declined' then 'partner_declined' else null end;
  if v_kind is not null then
    insert into public.notifications (user_id, school_id, kind, request_id)
    select u, new.school_id, v_kind, new.request_id
    from unnest(case
      when new.kind in ('claimed', 'joined', 'unclaimed', 'logged', 'reminded', 'escalated', 'asked_to_join') then array[r.teacher_id]
      when new.kind in ('partner_approved', 'partner_declined') then
        array[case when app_private.asked_to_join(new.request_id, new.asking_mentor_id) then new.asking_mentor_id end]
      when new.kind in ('closed', 'auto_closed') then array[r.claimed_by, r.partner_id, r.teacher_id]
      else array[r.teacher_id, r.claimed_by, r.partner_id] end) as u
    where u is not null and u is distinct from new.actor_id;
  end if;
  perform pg_notify('help_requests', json_build_object('school', new.school_id, 'request', new.request_id)::text);
  return new;
end;
$$;
revoke all on function app_private.notify_request_event() from public;

-- answer_partner_ask of 20261129000100; its event now names the mentor it answers.
create or replace function api.answer_partner_ask(p_request_id uuid, p_mentor_id uuid, p_approve boolean) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  r public.help_requests := app_private.request_for_update(p_request_id);
  v_mentor uuid;
begin
  if (select auth.uid()) is distinct from r.teacher_id then
    perform app_private.raise_key('PT403', 'request.only_teacher_answers_ask');
  end if;
  if r.asking_partner_id is null or r.asking_partner_id is distinct from p_mentor_id or r.status not in ('claimed', 'scheduled') then
    perform app_private.raise_key('PT409', 'request.ask_gone');
  end if;
  v_mentor := r.asking_partner_id;
  if coalesce(p_approve, false) then
    update public.help_requests set partner_id = r.asking_partner_id, asking_partner_id = null, updated_at = now()
    where id = r.id returning * into r;
  else
    update public.help_requests set asking_partner_id = null, updated_at = now() where id = r.id returning * into r;
  end if;
  insert into public.request_events (request_id, school_id, actor_id, kind, asking_mentor_id)
  values (r.id, r.school_id, (select auth.uid()),
    case when coalesce(p_approve, false) then 'partner_approved' else 'partner_declined' end, v_mentor);
  return jsonb_build_object('id', r.id, 'partner', r.partner_id);
end;
$$;

-- The mentor who asked changes their mind: only they take the ask back, and the request is as
-- it was before they asked (another mentor may ask).
create function api.withdraw_partner_ask(p_request_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare r public.help_requests := app_private.request_for_update(p_request_id);
begin
  if r.asking_partner_id is distinct from (select auth.uid()) then
    perform app_private.raise_key('PT403', 'request.not_your_ask');
  end if;
  update public.help_requests set asking_partner_id = null, updated_at = now() where id = r.id returning * into r;
  perform app_private.record_event(r, 'ask_withdrawn');
  return jsonb_build_object('id', r.id, 'asked', false);
end;
$$;

revoke all on function api.withdraw_partner_ask(uuid) from public, anon;
grant execute on function api.withdraw_partner_ask(uuid) to authenticated;

-- Taking an ask back also removes the teacher's notes about asks to join that request: they
-- announced an ask that no longer exists, and an ask made again the same minute listed two notes
-- that read the same.
create function app_private.forget_withdrawn_ask() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.notifications n
  where n.request_id = new.request_id and n.kind = 'partner_asked';
  return new;
end;
$$;
revoke all on function app_private.forget_withdrawn_ask() from public;
create trigger request_events_forget_withdrawn_ask after insert on public.request_events
  for each row when (new.kind = 'ask_withdrawn') execute function app_private.forget_withdrawn_ask();
