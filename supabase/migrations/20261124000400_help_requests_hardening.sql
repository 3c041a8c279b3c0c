-- Closes holes that supabase/tests/database/005-help-requests-rls.test.sql found in the help
-- request rules (20261124000100_help_requests.sql):
--
-- 1. guard_help_request compared the caller with claimed_by and partner_id using `=` and `in`.
--    On an open request both are null, so those tests were null rather than false and the guard
--    let the change through: any mentor could claim an open request for somebody else
--    (`set claimed_by = <other>`), and a mentor on no request could change an open request's
--    status or timers (`set status = 'cancelled'`). The guard now treats unknown as "no".
-- 2. request_events accepted any kind of event from anyone who can see the request, and each
--    event notifies people through a security definer trigger. So a mentor or a teacher could
--    record an escalation, a reassignment or a verification they never made, or send a teacher
--    as many "reminder" or "claimed" notifications as they liked: a back door around "nobody
--    writes notifications by hand" and "only the coordinator escalates and reassigns". Each kind
--    is now tied to the part the person plays in the request; reminders and auto-closes come
--    from the server's timers only.
-- 3. "teachers post requests" checked status and claim but not the other lifecycle columns, so a
--    teacher could post a request that arrived already escalated (or reminded, closed ...). A new
--    request now starts with all of them empty.

create or replace function app_private.guard_help_request() returns trigger
language plpgsql set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_coordinator boolean := coalesce((select app_private.has_role('coordinator')), false);
  v_mentor boolean := coalesce((select app_private.has_role('student_mentor')), false);
  v_teacher boolean := coalesce(v_me = old.teacher_id, false);
  v_helper boolean := coalesce(v_me in (old.claimed_by, old.partner_id), false);
begin
  if v_coordinator then
    return new;
  end if;
  -- The teacher's own fields.
  if (new.tool_id, new.subject, new.grade, new.learner_flags, new.languages, new.available_days,
      new.available_times, new.urgency, new.is_private)
     is distinct from (old.tool_id, old.subject, old.grade, old.learner_flags, old.languages, old.available_days,
      old.available_times, old.urgency, old.is_private) and not v_teacher then
    raise exception using errcode = 'PT403', message = 'request.not_yours', hint = 'request.not_yours';
  end if;
  -- Claiming: only a mentor, only for themselves, only an open request. Handing over: only to the partner.
  if new.claimed_by is distinct from old.claimed_by then
    if not v_mentor or not coalesce(
         (old.claimed_by is null and new.claimed_by = v_me and old.status = 'open')
      or (old.claimed_by = v_me and new.claimed_by is null)
      or (old.claimed_by = v_me and new.claimed_by = old.partner_id and new.partner_id is null), false) then
      raise exception using errcode = 'PT403', message = 'request.not_yours', hint = 'request.not_yours';
    end if;
  end if;
  -- Joining and leaving: only oneself; the owner may drop the partner when handing over.
  if new.partner_id is distinct from old.partner_id then
    if not v_mentor or not coalesce(
         (old.partner_id is null and new.partner_id = v_me)
      or (old.partner_id = v_me and new.partner_id is null)
      or (old.claimed_by = v_me and new.partner_id is null), false) then
      raise exception using errcode = 'PT403', message = 'request.not_yours', hint = 'request.not_yours';
    end if;
  end if;
  if (new.escalated_at, new.escalation_note) is distinct from (old.escalated_at, old.escalation_note) then
    raise exception using errcode = 'PT403', message = 'auth.forbidden', hint = 'auth.forbidden';
  end if;
  -- Outsiders may only claim or join.
  if not (v_teacher or v_helper) and new.claimed_by is not distinct from old.claimed_by
     and new.partner_id is not distinct from old.partner_id then
    raise exception using errcode = 'PT403', message = 'request.not_yours', hint = 'request.not_yours';
  end if;
  return new;
end;
$$;

-- Which events a person may record, by the part they play in the request (read after the api
-- function has made its change, in the same transaction).
drop policy "people record what they did to a request they see" on public.request_events;
create policy "people record what their part in a request lets them do" on public.request_events
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and actor_id = (select auth.uid())
    and (select app_private.sees_request(request_id))
    -- Reminders and auto-closes are the timers' (security definer, past RLS), never a person's.
    and kind not in ('reminded', 'auto_closed')
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
            when 'logged' then (select auth.uid()) in (r.claimed_by, r.partner_id)
            when 'proposed' then (select auth.uid()) in (r.teacher_id, r.claimed_by, r.partner_id)
            when 'scheduled' then (select auth.uid()) in (r.teacher_id, r.claimed_by, r.partner_id)
            -- The mentor who gives a request back is no longer on it; api.unclaim_help_request
            -- has just changed the request in this transaction, which an outsider cannot do.
            when 'unclaimed' then (select app_private.has_role('student_mentor')) and r.updated_at = now()
            -- reassigned, escalated, verified: the coordinator's only.
            else false
          end
      ))
  );

alter policy "teachers post requests" on public.help_requests
  with check (
    school_id = (select app_private.my_school_id()) and teacher_id = (select auth.uid())
    and (select app_private.has_role('teacher')) and status = 'open' and claimed_by is null and partner_id is null
    and claimed_at is null and scheduled_at is null and done_at is null and closed_at is null and not auto_closed
    and status_before_close is null and waiting_on_teacher_since is null and reminded_at is null
    and escalated_at is null and escalation_note is null
    and exists (select from public.tools t where t.id = tool_id and t.school_id = help_requests.school_id)
  );
