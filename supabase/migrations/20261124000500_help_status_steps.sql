-- A help request's status changes only along the loop, at the table itself: before this, someone
-- in a request who reached the table directly (not through the api functions) could mark it done
-- or closed without a session log or the teacher's rating. The api functions already take only
-- these steps; this makes the table refuse any other. The coordinator is not limited.

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
  -- Each status change is one step of the loop, taken by the person whose step it is; a request
  -- closes only once its teacher has rated the help.
  if new.status is distinct from old.status and not coalesce(
       (old.status = 'open' and new.status = 'claimed' and new.claimed_by = v_me)
    or (old.status in ('claimed', 'scheduled') and new.status = 'open' and v_helper)
    or (old.status in ('claimed', 'scheduled') and new.status = 'scheduled' and (v_teacher or v_helper))
    or (old.status in ('claimed', 'scheduled') and new.status = 'done' and v_helper)
    or (old.status = 'done' and new.status = 'closed' and v_teacher
        and exists (select from public.help_ratings x where x.request_id = old.id))
    or (old.status in ('open', 'claimed', 'scheduled') and new.status = 'cancelled' and v_teacher)
    or (old.status = 'closed' and old.auto_closed and v_teacher
        and new.status = coalesce(old.status_before_close, 'open')), false) then
    raise exception using errcode = 'PT403', message = 'request.not_yours', hint = 'request.not_yours';
  end if;
  return new;
end;
$$;
