-- The help request lifecycle as api functions: open -> claimed -> scheduled -> done -> closed, or
-- cancelled. Each change is one function, so it is atomic in every mode, and records an event
-- (which notifies the people concerned). Errors raise PTnnn with an i18n key; when a key names a
-- person, DETAIL carries the values as JSON.

create function app_private.raise_key(p_code text, p_key text, p_detail jsonb default null) returns void
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = p_code, message = p_key, hint = p_key, detail = coalesce(p_detail::text, '');
end;
$$;
grant execute on function app_private.raise_key(text, text, jsonb) to anon, authenticated, service_role;

-- The request, locked for the change, if the caller may see it at all.
create function app_private.request_for_update(p_request_id uuid) returns public.help_requests
language plpgsql set search_path = ''
as $$
declare r public.help_requests;
begin
  perform app_private.require_me();
  select * into r from public.help_requests where id = p_request_id for update;
  if not found then
    perform app_private.raise_key('PT404', 'request.not_found');
  end if;
  return r;
end;
$$;
grant execute on function app_private.request_for_update(uuid) to authenticated;

create function app_private.record_event(p_request public.help_requests, p_kind text, p_note text default null)
returns void
language sql set search_path = ''
as $$
  insert into public.request_events (request_id, school_id, actor_id, kind, note)
  values (p_request.id, p_request.school_id, (select auth.uid()), p_kind, nullif(btrim(p_note), ''))
$$;
grant execute on function app_private.record_event(public.help_requests, text, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
create function api.add_tool(p_name text, p_category text, p_url text default null, p_icon text default null)
returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  v_id uuid;
begin
  if not ((select app_private.has_role('teacher')) or (select app_private.has_role('coordinator'))) then
    perform app_private.raise_key('PT403', 'auth.forbidden');
  end if;
  if exists (select from public.tools t where t.school_id = (v_me -> 'school' ->> 'id')::uuid and lower(t.name) = lower(btrim(p_name))) then
    perform app_private.raise_key('PT409', 'tools.already_listed');
  end if;
  insert into public.tools (school_id, name, category, url, icon, created_by)
  values ((v_me -> 'school' ->> 'id')::uuid, btrim(p_name), p_category, nullif(btrim(p_url), ''),
          coalesce(nullif(p_icon, ''), 'app-window'), (select auth.uid()))
  returning id into v_id;
  return jsonb_build_object('id', v_id);
end;
$$;

create function api.tools_catalog() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare v_me jsonb := app_private.require_me();
begin
  return jsonb_build_object(
    'me', v_me,
    'tools', coalesce((select jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name, 'category', t.category,
      'url', t.url, 'icon', t.icon) order by lower(t.name)) from public.tools t), '[]'));
end;
$$;

create function api.post_help_request(
  p_submission_id uuid, p_tool_id uuid, p_goal text, p_subject text, p_grade text,
  p_learner_flags text[], p_languages text[], p_available_days text[], p_available_times text[],
  p_urgency int, p_private boolean
) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  v_school uuid := (v_me -> 'school' ->> 'id')::uuid;
  v_request public.help_requests;
begin
  if not (select app_private.has_role('teacher')) then
    perform app_private.raise_key('PT403', 'request.teachers_only');
  end if;
  -- A second click on the same form finds the request the first one made.
  select * into v_request from public.help_requests r
  where r.teacher_id = (select auth.uid()) and r.submission_id = p_submission_id;
  if found then
    return jsonb_build_object('id', v_request.id, 'duplicate', true);
  end if;
  if not exists (select from public.tools t where t.id = p_tool_id) then
    perform app_private.raise_key('PT400', 'request.bad_tool');
  end if;
  insert into public.help_requests (school_id, teacher_id, tool_id, subject, grade, learner_flags, languages,
    available_days, available_times, urgency, is_private, submission_id)
  values (v_school, (select auth.uid()), p_tool_id, btrim(p_subject), btrim(p_grade), coalesce(p_learner_flags, '{}'),
    p_languages, coalesce(p_available_days, '{}'), coalesce(p_available_times, '{}'), p_urgency, coalesce(p_private, false),
    p_submission_id)
  returning * into v_request;
  insert into public.help_request_details (request_id, school_id, goal) values (v_request.id, v_school, btrim(p_goal));
  perform app_private.record_event(v_request, 'posted');
  return jsonb_build_object('id', v_request.id, 'duplicate', false);
end;
$$;

-- One click, exactly one owner: the row lock makes concurrent claims wait, and the status test
-- after the wait lets only the first through. The others learn who holds the request.
create function api.claim_help_request(p_request_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  r public.help_requests;
  v_holder text;
begin
  if not (select app_private.has_role('student_mentor')) then
    perform app_private.raise_key('PT403', 'request.mentors_only');
  end if;
  update public.help_requests
  set status = 'claimed', claimed_by = (select auth.uid()), claimed_at = now(), updated_at = now()
  where id = p_request_id and status = 'open'
  returning * into r;
  if found then
    perform app_private.record_event(r, 'claimed');
    return jsonb_build_object('id', r.id, 'status', r.status);
  end if;
  select * into r from public.help_requests where id = p_request_id;
  if not found then
    perform app_private.raise_key('PT404', 'request.not_found');
  end if;
  if r.claimed_by = (select auth.uid()) then
    return jsonb_build_object('id', r.id, 'status', r.status);  -- a double click: already yours
  end if;
  if r.status in ('claimed', 'scheduled', 'done') then
    select p.display_name into v_holder from public.profiles p where p.user_id = r.claimed_by;
    perform app_private.raise_key('PT409', 'request.already_claimed', jsonb_build_object('name', coalesce(v_holder, '?')));
  end if;
  perform app_private.raise_key('PT409', 'request.not_open');
  return null;
end;
$$;

create function api.join_help_request(p_request_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare r public.help_requests := app_private.request_for_update(p_request_id);
begin
  if not (select app_private.has_role('student_mentor')) then
    perform app_private.raise_key('PT403', 'request.mentors_only');
  end if;
  if (select auth.uid()) in (r.claimed_by, r.partner_id) then
    return jsonb_build_object('id', r.id);
  end if;
  if r.status not in ('claimed', 'scheduled') then
    perform app_private.raise_key('PT409', 'request.not_open');
  end if;
  if r.partner_id is not null then
    perform app_private.raise_key('PT409', 'request.has_partner');
  end if;
  update public.help_requests set partner_id = (select auth.uid()), updated_at = now() where id = r.id returning * into r;
  perform app_private.record_event(r, 'joined');
  return jsonb_build_object('id', r.id);
end;
$$;

-- Giving a request back: a partner simply leaves; the owner hands it to the partner if there is
-- one, else it goes back to the queue. The reason is kept in the history.
create function api.unclaim_help_request(p_request_id uuid, p_reason text) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare r public.help_requests := app_private.request_for_update(p_request_id);
begin
  if char_length(btrim(coalesce(p_reason, ''))) < 3 then
    perform app_private.raise_key('PT400', 'request.reason_required');
  end if;
  if (select auth.uid()) is distinct from r.claimed_by and (select auth.uid()) is distinct from r.partner_id then
    perform app_private.raise_key('PT403', 'request.not_yours');
  end if;
  if r.status not in ('claimed', 'scheduled') then
    perform app_private.raise_key('PT409', 'request.not_open');
  end if;
  if r.partner_id = (select auth.uid()) then
    update public.help_requests set partner_id = null, updated_at = now() where id = r.id returning * into r;
  elsif r.partner_id is not null then
    -- The owner leaves and the partner takes over.
    update public.help_requests set claimed_by = r.partner_id, partner_id = null, updated_at = now()
    where id = r.id returning * into r;
  else
    update public.session_proposals set status = 'superseded' where request_id = r.id and status = 'pending';
    update public.help_requests
    set status = 'open', claimed_by = null, claimed_at = null, scheduled_at = null, waiting_on_teacher_since = null,
        reminded_at = null, updated_at = now()
    where id = r.id returning * into r;
  end if;
  perform app_private.record_event(r, 'unclaimed', p_reason);
  return jsonb_build_object('id', r.id, 'status', r.status);
end;
$$;

-- A mentor proposes a time and place; the teacher may answer with another time the same way.
create function api.propose_session(p_request_id uuid, p_starts_at timestamptz, p_place text) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  r public.help_requests := app_private.request_for_update(p_request_id);
  v_id uuid;
begin
  if (select auth.uid()) not in (r.teacher_id, coalesce(r.claimed_by, r.teacher_id), coalesce(r.partner_id, r.teacher_id)) then
    perform app_private.raise_key('PT403', 'request.not_yours');
  end if;
  if r.status not in ('claimed', 'scheduled') then
    perform app_private.raise_key('PT409', 'session.cannot_propose_now');
  end if;
  if p_starts_at <= now() then
    perform app_private.raise_key('PT400', 'session.in_past');
  end if;
  if p_starts_at > now() + interval '120 days' then
    perform app_private.raise_key('PT400', 'session.too_far');
  end if;
  -- The same time and place twice (a double click) is one proposal.
  select p.id into v_id from public.session_proposals p
  where p.request_id = r.id and p.status = 'pending' and p.proposed_by = (select auth.uid())
    and p.starts_at = p_starts_at and p.place = p_place;
  if found then
    return jsonb_build_object('id', v_id);
  end if;
  update public.session_proposals set status = 'superseded' where request_id = r.id and status = 'pending';
  insert into public.session_proposals (request_id, school_id, proposed_by, starts_at, place)
  values (r.id, r.school_id, (select auth.uid()), p_starts_at, p_place) returning id into v_id;
  -- Waiting on the teacher only while a mentor's proposal is open.
  update public.help_requests
  set waiting_on_teacher_since = case when (select auth.uid()) = r.teacher_id then null else now() end,
      reminded_at = null, updated_at = now()
  where id = r.id returning * into r;
  perform app_private.record_event(r, 'proposed');
  return jsonb_build_object('id', v_id);
end;
$$;

create function api.accept_session(p_proposal_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_proposal public.session_proposals;
  r public.help_requests;
begin
  perform app_private.require_me();
  select * into v_proposal from public.session_proposals where id = p_proposal_id;
  if not found then
    perform app_private.raise_key('PT404', 'request.not_found');
  end if;
  r := app_private.request_for_update(v_proposal.request_id);
  if (select auth.uid()) not in (r.teacher_id, coalesce(r.claimed_by, r.teacher_id), coalesce(r.partner_id, r.teacher_id))
     or v_proposal.proposed_by = (select auth.uid()) then
    perform app_private.raise_key('PT403', 'session.not_yours_to_accept');
  end if;
  if v_proposal.status = 'accepted' then
    return jsonb_build_object('id', r.id, 'status', r.status);
  end if;
  if v_proposal.status <> 'pending' or r.status not in ('claimed', 'scheduled') then
    perform app_private.raise_key('PT409', 'session.proposal_gone');
  end if;
  if v_proposal.starts_at <= now() then
    perform app_private.raise_key('PT400', 'session.in_past');
  end if;
  update public.session_proposals set status = 'accepted', answered_at = now() where id = v_proposal.id;
  update public.help_requests
  set status = 'scheduled', scheduled_at = v_proposal.starts_at, waiting_on_teacher_since = null, reminded_at = null,
      updated_at = now()
  where id = r.id returning * into r;
  perform app_private.record_event(r, 'scheduled');
  return jsonb_build_object('id', r.id, 'status', r.status);
end;
$$;

create function api.log_session(
  p_request_id uuid, p_covered text, p_minutes int, p_outcome text, p_next_steps text,
  p_teacher_attended boolean, p_tool_ids uuid[] default '{}'
) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  r public.help_requests := app_private.request_for_update(p_request_id);
  v_id uuid;
begin
  if (select auth.uid()) is distinct from r.claimed_by and (select auth.uid()) is distinct from r.partner_id then
    perform app_private.raise_key('PT403', 'request.not_yours');
  end if;
  if exists (select from public.session_logs l where l.request_id = r.id) then
    perform app_private.raise_key('PT409', 'session.already_logged');
  end if;
  if r.status not in ('claimed', 'scheduled') then
    perform app_private.raise_key('PT409', 'request.not_open');
  end if;
  insert into public.session_logs (request_id, school_id, mentor_id, covered, minutes, tool_ids, outcome, next_steps, teacher_attended)
  values (r.id, r.school_id, (select auth.uid()), btrim(p_covered), p_minutes,
    case when coalesce(cardinality(p_tool_ids), 0) = 0 then array[r.tool_id] else p_tool_ids end, p_outcome, nullif(btrim(p_next_steps), ''), p_teacher_attended)
  returning id into v_id;
  update public.session_proposals set status = 'superseded' where request_id = r.id and status = 'pending';
  update public.help_requests
  set status = 'done', done_at = now(), waiting_on_teacher_since = now(), reminded_at = null, updated_at = now()
  where id = r.id returning * into r;
  perform app_private.record_event(r, 'logged');
  return jsonb_build_object('id', v_id);
end;
$$;

-- The teacher confirms the help is done, rates it and may thank the mentor.
create function api.close_help_request(p_request_id uuid, p_rating int, p_thanks text default null) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare r public.help_requests := app_private.request_for_update(p_request_id);
begin
  if (select auth.uid()) is distinct from r.teacher_id then
    perform app_private.raise_key('PT403', 'request.only_teacher_closes');
  end if;
  if r.status = 'closed' and exists (select from public.help_ratings x where x.request_id = r.id) then
    return jsonb_build_object('id', r.id, 'status', r.status);  -- already thanked: a second click
  end if;
  if r.status <> 'done' then
    perform app_private.raise_key('PT409', 'request.not_done');
  end if;
  if p_rating is null or p_rating not between 1 and 5 then
    perform app_private.raise_key('PT400', 'request.rating_required');
  end if;
  insert into public.help_ratings (request_id, school_id, rated_by, mentor_id, rating, thanks)
  values (r.id, r.school_id, (select auth.uid()), r.claimed_by, p_rating, nullif(btrim(p_thanks), ''));
  update public.help_requests
  set status = 'closed', closed_at = now(), waiting_on_teacher_since = null, status_before_close = r.status, updated_at = now()
  where id = r.id returning * into r;
  perform app_private.record_event(r, 'closed');
  return jsonb_build_object('id', r.id, 'status', r.status);
end;
$$;

create function api.cancel_help_request(p_request_id uuid, p_reason text default null) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare r public.help_requests := app_private.request_for_update(p_request_id);
begin
  if (select auth.uid()) is distinct from r.teacher_id and not (select app_private.has_role('coordinator')) then
    perform app_private.raise_key('PT403', 'request.not_yours');
  end if;
  if r.status = 'cancelled' then
    return jsonb_build_object('id', r.id, 'status', r.status);
  end if;
  if r.status not in ('open', 'claimed', 'scheduled') then
    perform app_private.raise_key('PT409', 'request.cannot_cancel');
  end if;
  update public.session_proposals set status = 'superseded' where request_id = r.id and status = 'pending';
  update public.help_requests
  set status = 'cancelled', closed_at = now(), status_before_close = r.status, waiting_on_teacher_since = null, updated_at = now()
  where id = r.id returning * into r;
  perform app_private.record_event(r, 'cancelled', p_reason);
  return jsonb_build_object('id', r.id, 'status', r.status);
end;
$$;

-- A request that closed itself while waiting on the teacher can be picked up again for 7 days.
create function api.reopen_help_request(p_request_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare r public.help_requests := app_private.request_for_update(p_request_id);
begin
  if (select auth.uid()) is distinct from r.teacher_id and not (select app_private.has_role('coordinator')) then
    perform app_private.raise_key('PT403', 'request.not_yours');
  end if;
  if r.status <> 'closed' or not r.auto_closed then
    perform app_private.raise_key('PT409', 'request.cannot_reopen');
  end if;
  if r.closed_at < now() - interval '7 days' then
    perform app_private.raise_key('PT410', 'request.reopen_expired');
  end if;
  update public.help_requests
  set status = coalesce(r.status_before_close, 'open'), closed_at = null, auto_closed = false, status_before_close = null,
      waiting_on_teacher_since = case when r.status_before_close in ('claimed', 'scheduled', 'done') then now() end,
      reminded_at = null, updated_at = now()
  where id = r.id returning * into r;
  perform app_private.record_event(r, 'reopened');
  return jsonb_build_object('id', r.id, 'status', r.status);
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- The coordinator's tools: hand a request to another mentor, call in adult IT staff, verify hours.

create function api.reassign_help_request(p_request_id uuid, p_mentor_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare r public.help_requests;
begin
  perform app_private.require_coordinator();
  r := app_private.request_for_update(p_request_id);
  if r.status not in ('open', 'claimed', 'scheduled') then
    perform app_private.raise_key('PT409', 'request.not_open');
  end if;
  if not exists (select from public.memberships m join public.profiles p using (user_id)
                 where m.user_id = p_mentor_id and m.role = 'student_mentor' and p.school_id = r.school_id
                   and p.deactivated_at is null) then
    perform app_private.raise_key('PT400', 'request.bad_mentor');
  end if;
  update public.help_requests
  set claimed_by = p_mentor_id, partner_id = nullif(partner_id, p_mentor_id),
      status = case when status = 'open' then 'claimed'::public.help_status else status end,
      claimed_at = coalesce(claimed_at, now()), updated_at = now()
  where id = r.id returning * into r;
  perform app_private.record_event(r, 'reassigned');
  return jsonb_build_object('id', r.id, 'status', r.status);
end;
$$;

create function api.escalate_help_request(p_request_id uuid, p_note text) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare r public.help_requests;
begin
  perform app_private.require_coordinator();
  r := app_private.request_for_update(p_request_id);
  if char_length(btrim(coalesce(p_note, ''))) < 3 then
    perform app_private.raise_key('PT400', 'request.reason_required');
  end if;
  update public.help_requests set escalated_at = now(), escalation_note = btrim(p_note), updated_at = now()
  where id = r.id returning * into r;
  perform app_private.record_event(r, 'escalated', p_note);
  return jsonb_build_object('id', r.id);
end;
$$;

create function api.verify_session_log(p_log_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare v_log public.session_logs;
begin
  if not (select app_private.has_role('coordinator')) then
    perform app_private.require_me();
    perform app_private.raise_key('PT403', 'session.only_coordinator_verifies');
  end if;
  update public.session_logs set verified_by = (select auth.uid()), verified_at = now()
  where id = p_log_id and verified_at is null returning * into v_log;
  if not found then
    select * into v_log from public.session_logs where id = p_log_id;
    if not found then
      perform app_private.raise_key('PT404', 'request.not_found');
    end if;
    return jsonb_build_object('id', v_log.id, 'verified_at', v_log.verified_at);
  end if;
  insert into public.request_events (request_id, school_id, actor_id, kind)
  values (v_log.request_id, v_log.school_id, (select auth.uid()), 'verified');
  return jsonb_build_object('id', v_log.id, 'verified_at', v_log.verified_at);
end;
$$;

-- Reminders and auto-close, run by the server every few minutes (and by tests with a frozen
-- clock). After 3 school days waiting on the teacher, a reminder; 5 school days after the
-- reminder, the request closes itself.
create function app_private.run_help_request_timers(p_now timestamptz default now()) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_reminded int;
  v_closed int;
begin
  with due as (
    update public.help_requests r set reminded_at = p_now
    from public.schools s
    where s.id = r.school_id and r.waiting_on_teacher_since is not null and r.reminded_at is null
      and r.status in ('claimed', 'scheduled', 'done')
      and app_private.school_days_between(r.waiting_on_teacher_since, p_now, s.time_zone) >= 3
    returning r.id, r.school_id
  ), logged as (
    insert into public.request_events (request_id, school_id, actor_id, kind, created_at)
    select id, school_id, null, 'reminded', p_now from due returning 1
  )
  select count(*) into v_reminded from logged;

  with gone as (
    update public.help_requests r
    set status = 'closed', auto_closed = true, status_before_close = r.status, closed_at = p_now,
        waiting_on_teacher_since = null, updated_at = p_now
    from public.schools s
    where s.id = r.school_id and r.reminded_at is not null and r.waiting_on_teacher_since is not null
      and r.status in ('claimed', 'scheduled', 'done')
      and app_private.school_days_between(r.reminded_at, p_now, s.time_zone) >= 5
    returning r.id, r.school_id
  ), logged as (
    insert into public.request_events (request_id, school_id, actor_id, kind, created_at)
    select id, school_id, null, 'auto_closed', p_now from gone returning 1
  )
  select count(*) into v_closed from logged;
  return jsonb_build_object('reminded', v_reminded, 'closed', v_closed);
end;
$$;
revoke all on function app_private.run_help_request_timers(timestamptz) from public;
grant execute on function app_private.run_help_request_timers(timestamptz) to service_role;
