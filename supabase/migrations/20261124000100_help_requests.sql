-- The reverse-mentoring loop: the school's tools catalog, teachers' help requests, the mentors who
-- claim them, proposed session times, session logs, thanks, and in-app notifications.
-- Tables: tools, help_requests, help_request_details, session_proposals, session_logs,
-- help_ratings, request_events, notifications. Every state change goes through an api function
-- (next migration); the policies and guards here hold even for someone who reaches a table directly.

-- Targets are counted in school days and set per school.
alter table public.schools
  add column claim_target_days int not null default 2 check (claim_target_days between 1 and 30),
  add column resolve_target_days int not null default 7 check (resolve_target_days between 1 and 60);

-- School days are Monday to Friday in the school's time zone. Weekdays in (p_from, p_to],
-- computed in closed form so the overdue queue stays cheap with thousands of requests.
create function app_private.weekdays_before(p_day date) returns int
language sql immutable set search_path = ''
as $$
  -- 2001-01-01 was a Monday; count the weekdays from then up to (not including) p_day.
  select ((p_day - date '2001-01-01') / 7) * 5 + least((p_day - date '2001-01-01') % 7, 5)
$$;

create function app_private.school_days_between(p_from timestamptz, p_to timestamptz, p_time_zone text)
returns int
language sql stable set search_path = ''
as $$
  select greatest(0,
    app_private.weekdays_before((p_to at time zone p_time_zone)::date + 1)
    - app_private.weekdays_before((p_from at time zone p_time_zone)::date + 1))
$$;
grant execute on function app_private.weekdays_before(date), app_private.school_days_between(timestamptz, timestamptz, text)
  to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
create table public.tools (
  id uuid primary key default gen_random_uuid(),
  school_id uuid not null references public.schools (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 2 and 60),
  category text not null check (category in ('classroom', 'video', 'design', 'quiz', 'reading', 'writing', 'math', 'other')),
  url text check (url ~ '^https?://[^\s]{3,}$' and char_length(url) <= 300),
  icon text not null default 'app-window' check (icon ~ '^[a-z0-9-]{2,40}$'),
  created_by uuid references public.profiles (user_id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.tools is 'The school''s catalog of digital tools; requests, walkthroughs and adoption entries refer to it.';
create unique index tools_school_name_idx on public.tools (school_id, lower(name));

create type public.help_status as enum ('open', 'claimed', 'scheduled', 'done', 'closed', 'cancelled');

create table public.help_requests (
  id uuid primary key default gen_random_uuid(),
  school_id uuid not null references public.schools (id) on delete cascade,
  teacher_id uuid not null references public.profiles (user_id) on delete cascade,
  tool_id uuid not null references public.tools (id),
  subject text not null check (char_length(btrim(subject)) between 1 and 60),
  grade text not null check (char_length(btrim(grade)) between 1 and 20),
  -- Which learners it is for, as flags: never names.
  learner_flags text[] not null default '{}'
    check (learner_flags <@ array['english_learners', 'dyslexic', 'special_needs', 'gifted', 'whole_class']),
  languages text[] not null default '{en}' check (cardinality(languages) between 1 and 5),
  available_days text[] not null default '{}' check (available_days <@ array['mon', 'tue', 'wed', 'thu', 'fri']),
  available_times text[] not null default '{}'
    check (available_times <@ array['before_school', 'morning', 'lunch', 'afternoon', 'after_school']),
  urgency smallint not null default 2 check (urgency between 1 and 3),
  is_private boolean not null default false,
  status public.help_status not null default 'open',
  claimed_by uuid references public.profiles (user_id) on delete set null,
  partner_id uuid references public.profiles (user_id) on delete set null,
  claimed_at timestamptz,
  scheduled_at timestamptz,
  done_at timestamptz,
  closed_at timestamptz,
  auto_closed boolean not null default false,
  status_before_close public.help_status,
  -- When the request started waiting for the teacher (a proposed time, a session to confirm).
  waiting_on_teacher_since timestamptz,
  reminded_at timestamptz,
  escalated_at timestamptz,
  escalation_note text check (char_length(escalation_note) <= 500),
  -- The form's one-time id: a double-clicked submit finds the request the first click made.
  submission_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (teacher_id, submission_id),
  check (partner_id is null or partner_id <> claimed_by)
);
comment on table public.help_requests is 'A teacher asking the tech team for help with one tool. The words they wrote are in help_request_details.';
-- status is an enum, and enum equality is not leakproof, so under RLS `status = 'open'` could
--    not be an index condition: the queue read every request of the school and sorted them.
--    A partial index on the open ones, in queue order, is read 26 entries at a time instead.
create index help_requests_open_idx on public.help_requests (school_id, urgency desc, created_at, id)
  where status = 'open';
create index help_requests_teacher_idx on public.help_requests (teacher_id, created_at desc);
create index help_requests_claimed_by_idx on public.help_requests (claimed_by) where claimed_by is not null;
create index help_requests_partner_idx on public.help_requests (partner_id) where partner_id is not null;
create index help_requests_waiting_idx on public.help_requests (waiting_on_teacher_since) where waiting_on_teacher_since is not null;

-- The teacher's own words live apart, so "keep details private" can hide them by row.
create table public.help_request_details (
  request_id uuid primary key references public.help_requests (id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  goal text not null check (char_length(btrim(goal)) between 10 and 2000)
);
comment on table public.help_request_details is 'What the teacher wants to do in class, in their own words. Private requests show it only to the teacher, the mentors who claimed it and the coordinator.';
create index help_request_details_school_idx on public.help_request_details (school_id);

create table public.session_proposals (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.help_requests (id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  proposed_by uuid not null references public.profiles (user_id) on delete cascade,
  starts_at timestamptz not null,
  place text not null check (place in ('playground', 'classroom')),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'superseded')),
  created_at timestamptz not null default now(),
  answered_at timestamptz
);
comment on table public.session_proposals is 'A time and place for a mentoring session, proposed by a mentor or (as a counter-offer) by the teacher.';
create index session_proposals_request_idx on public.session_proposals (request_id, created_at desc);
create index session_proposals_school_idx on public.session_proposals (school_id);

create table public.session_logs (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null unique references public.help_requests (id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  mentor_id uuid not null references public.profiles (user_id) on delete cascade,
  covered text not null check (char_length(btrim(covered)) between 3 and 2000),
  minutes int not null check (minutes between 5 and 480),
  tool_ids uuid[] not null default '{}',
  outcome text not null check (outcome in ('solved', 'partly', 'not_yet')),
  next_steps text check (char_length(next_steps) <= 1000),
  teacher_attended boolean not null,
  verified_by uuid references public.profiles (user_id) on delete set null,
  verified_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table public.session_logs is 'What a mentor covered in a session and the minutes spent; hours count once the coordinator verifies them.';
create index session_logs_school_idx on public.session_logs (school_id, verified_at);
create index session_logs_mentor_idx on public.session_logs (mentor_id);

create table public.help_ratings (
  request_id uuid primary key references public.help_requests (id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  rated_by uuid not null references public.profiles (user_id) on delete cascade,
  mentor_id uuid not null references public.profiles (user_id) on delete cascade,
  rating smallint not null check (rating between 1 and 5),
  thanks text check (char_length(thanks) <= 500),
  created_at timestamptz not null default now(),
  check (rated_by <> mentor_id)
);
comment on table public.help_ratings is 'The teacher''s 1-5 rating of the help and an optional thank-you note for the mentor.';
create index help_ratings_mentor_idx on public.help_ratings (mentor_id);
create index help_ratings_school_idx on public.help_ratings (school_id);

create table public.request_events (
  id bigint generated always as identity primary key,
  request_id uuid not null references public.help_requests (id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  actor_id uuid references public.profiles (user_id) on delete set null,
  kind text not null check (kind in ('posted', 'claimed', 'joined', 'unclaimed', 'proposed', 'scheduled', 'logged',
    'closed', 'cancelled', 'reopened', 'reminded', 'auto_closed', 'reassigned', 'escalated', 'verified')),
  note text check (char_length(note) <= 500),
  created_at timestamptz not null default now()
);
comment on table public.request_events is 'The history of a help request; each event may notify the people it concerns.';
create index request_events_request_idx on public.request_events (request_id, id);
create index request_events_school_idx on public.request_events (school_id);

create table public.notifications (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.profiles (user_id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  kind text not null check (kind in ('claimed', 'unclaimed', 'proposed', 'scheduled', 'reminder', 'logged', 'thanks',
    'auto_closed', 'reassigned', 'escalated')),
  request_id uuid references public.help_requests (id) on delete cascade,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
comment on table public.notifications is 'The bell: things that happened to a person''s requests or claims.';
create index notifications_user_idx on public.notifications (user_id, id desc);
create index notifications_unread_idx on public.notifications (user_id) where read_at is null;

-- ---------------------------------------------------------------------------------------------
-- Helpers for policies (security definer so that they can read across tables without recursion).

-- Is the caller the teacher, a claiming mentor or the coordinator of this request?
create function app_private.in_request(p_request_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select from public.help_requests r
    where r.id = p_request_id and r.school_id = (select app_private.my_school_id())
      and ((select auth.uid()) in (r.teacher_id, r.claimed_by, r.partner_id) or (select app_private.has_role('coordinator')))
  )
$$;

-- May the caller read this request at all? Teachers see their own; mentors and the coordinator all.
create function app_private.sees_request(p_request_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select from public.help_requests r
    where r.id = p_request_id and r.school_id = (select app_private.my_school_id())
      and (r.teacher_id = (select auth.uid()) or (select app_private.has_role('student_mentor'))
           or (select app_private.has_role('coordinator')))
  )
$$;

-- The words of a private request are for the people in it only.
create function app_private.reads_request_details(p_request_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select from public.help_requests r
    where r.id = p_request_id and r.school_id = (select app_private.my_school_id())
      and (case when r.is_private then (select app_private.in_request(r.id))
                else (select app_private.sees_request(r.id)) end)
  )
$$;

revoke all on function app_private.in_request(uuid), app_private.sees_request(uuid),
  app_private.reads_request_details(uuid) from public;
grant execute on function app_private.in_request(uuid), app_private.sees_request(uuid),
  app_private.reads_request_details(uuid) to authenticated;

alter table public.tools enable row level security;
alter table public.help_requests enable row level security;
alter table public.help_request_details enable row level security;
alter table public.session_proposals enable row level security;
alter table public.session_logs enable row level security;
alter table public.help_ratings enable row level security;
alter table public.request_events enable row level security;
alter table public.notifications enable row level security;

revoke all on public.tools, public.help_requests, public.help_request_details, public.session_proposals,
  public.session_logs, public.help_ratings, public.request_events, public.notifications from anon, authenticated;
grant select, insert, update (name, category, url, icon), delete on public.tools to authenticated;
grant select, insert, update (status, claimed_by, partner_id, claimed_at, scheduled_at, done_at, closed_at,
  auto_closed, status_before_close, waiting_on_teacher_since, reminded_at, escalated_at, escalation_note, updated_at,
  tool_id, subject, grade, learner_flags, languages, available_days, available_times, urgency, is_private)
  on public.help_requests to authenticated;
grant select, insert, update (goal) on public.help_request_details to authenticated;
grant select, insert, update (status, answered_at) on public.session_proposals to authenticated;
grant select, insert, update (covered, minutes, tool_ids, outcome, next_steps, teacher_attended, verified_by, verified_at)
  on public.session_logs to authenticated;
grant select, insert on public.help_ratings to authenticated;
grant select, insert on public.request_events to authenticated;
grant select, update (read_at) on public.notifications to authenticated;

-- tools: everyone at the school reads the catalog; teachers and the coordinator add to it;
-- the coordinator tidies it.
create policy "members read their school's tools" on public.tools
  for select to authenticated using (school_id = (select app_private.my_school_id()));
create policy "teachers and coordinators add tools" on public.tools
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and created_by = (select auth.uid())
    and ((select app_private.has_role('teacher')) or (select app_private.has_role('coordinator')))
  );
create policy "coordinators edit tools" on public.tools
  for update to authenticated
  using (school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator')))
  with check (school_id = (select app_private.my_school_id()));
create policy "coordinators remove tools" on public.tools
  for delete to authenticated
  using (school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator')));

-- help_requests
create policy "teachers see their own requests, mentors and coordinators all" on public.help_requests
  for select to authenticated using (
    school_id = (select app_private.my_school_id())
    and (teacher_id = (select auth.uid()) or (select app_private.has_role('student_mentor'))
         or (select app_private.has_role('coordinator')))
  );
create policy "teachers post requests" on public.help_requests
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and teacher_id = (select auth.uid())
    and (select app_private.has_role('teacher')) and status = 'open' and claimed_by is null and partner_id is null
    and claimed_at is null and scheduled_at is null and done_at is null and closed_at is null and not auto_closed
    and status_before_close is null and waiting_on_teacher_since is null and reminded_at is null
    and escalated_at is null and escalation_note is null
    and exists (select from public.tools t where t.id = tool_id and t.school_id = help_requests.school_id)
  );
create policy "the people in a request, or a mentor claiming an open one, change it" on public.help_requests
  for update to authenticated using (
    school_id = (select app_private.my_school_id())
    and ((select auth.uid()) in (teacher_id, claimed_by, partner_id)
         or (select app_private.has_role('coordinator'))
         or (status in ('open', 'claimed', 'scheduled') and (select app_private.has_role('student_mentor'))))
  ) with check (school_id = (select app_private.my_school_id()));

-- Which columns each person may change, and which status steps each may take, whatever path they
-- take to the table. Unknown (null) comparisons count as "no": on an open request claimed_by is null.
create function app_private.guard_help_request() returns trigger
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
create trigger help_requests_guard before update on public.help_requests
  for each row when (current_user in ('authenticated', 'anon'))
  execute function app_private.guard_help_request();

-- help_request_details
create policy "people who may read the words of a request" on public.help_request_details
  for select to authenticated using (
    school_id = (select app_private.my_school_id())
    and exists (select from public.help_requests r where r.id = request_id
                and (not r.is_private or (select auth.uid()) in (r.teacher_id, r.claimed_by, r.partner_id)
                     or (select app_private.has_role('coordinator'))))
  );
create policy "teachers write the words of their request" on public.help_request_details
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id())
    and exists (select from public.help_requests r where r.id = request_id and r.teacher_id = (select auth.uid()))
  );
create policy "teachers edit the words of their request" on public.help_request_details
  for update to authenticated using (
    school_id = (select app_private.my_school_id())
    and exists (select from public.help_requests r where r.id = request_id and r.teacher_id = (select auth.uid()))
  ) with check (school_id = (select app_private.my_school_id()));

-- session_proposals
create policy "the people in a request see its proposed times" on public.session_proposals
  for select to authenticated using (
    school_id = (select app_private.my_school_id()) and (select app_private.in_request(request_id))
  );
create policy "the teacher and the claiming mentors propose times" on public.session_proposals
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and proposed_by = (select auth.uid())
    and exists (select from public.help_requests r where r.id = request_id
                and (select auth.uid()) in (r.teacher_id, r.claimed_by, r.partner_id))
  );
create policy "the teacher and the claiming mentors answer proposals" on public.session_proposals
  for update to authenticated using (
    school_id = (select app_private.my_school_id())
    and exists (select from public.help_requests r where r.id = request_id
                and (select auth.uid()) in (r.teacher_id, r.claimed_by, r.partner_id))
  ) with check (school_id = (select app_private.my_school_id()));

-- session_logs
create policy "the people in a request see its session log" on public.session_logs
  for select to authenticated using (
    school_id = (select app_private.my_school_id())
    and (mentor_id = (select auth.uid()) or (select app_private.in_request(request_id)))
  );
create policy "a claiming mentor logs the session" on public.session_logs
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and mentor_id = (select auth.uid())
    and verified_by is null and verified_at is null
    and exists (select from public.help_requests r where r.id = request_id
                and (select auth.uid()) in (r.claimed_by, r.partner_id))
  );
create policy "the mentor corrects their log, the coordinator verifies it" on public.session_logs
  for update to authenticated using (
    school_id = (select app_private.my_school_id())
    and ((mentor_id = (select auth.uid()) and verified_at is null) or (select app_private.has_role('coordinator')))
  ) with check (school_id = (select app_private.my_school_id()));

-- Verifying hours is the coordinator's, and nobody edits a log once its hours are verified.
create function app_private.guard_session_log() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if (new.verified_by, new.verified_at) is distinct from (old.verified_by, old.verified_at)
     and not (select app_private.has_role('coordinator')) then
    raise exception using errcode = 'PT403', message = 'session.only_coordinator_verifies', hint = 'session.only_coordinator_verifies';
  end if;
  if new.verified_by is not null and new.verified_by = new.mentor_id then
    raise exception using errcode = 'PT403', message = 'session.only_coordinator_verifies', hint = 'session.only_coordinator_verifies';
  end if;
  return new;
end;
$$;
create trigger session_logs_guard before update on public.session_logs
  for each row when (current_user in ('authenticated', 'anon'))
  execute function app_private.guard_session_log();

-- help_ratings
create policy "the teacher, the mentor and the coordinator see a rating" on public.help_ratings
  for select to authenticated using (
    school_id = (select app_private.my_school_id())
    and (rated_by = (select auth.uid()) or mentor_id = (select auth.uid()) or (select app_private.has_role('coordinator')))
  );
create policy "only the teacher who asked rates the help" on public.help_ratings
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and rated_by = (select auth.uid())
    and exists (select from public.help_requests r where r.id = request_id and r.teacher_id = (select auth.uid())
                and mentor_id = r.claimed_by and r.claimed_by <> (select auth.uid())
                and coalesce(r.partner_id <> (select auth.uid()), true))
  );

-- request_events
create policy "people who see a request see its history" on public.request_events
  for select to authenticated using (
    school_id = (select app_private.my_school_id()) and (select app_private.sees_request(request_id))
  );
-- Which events a person may record, by the part they play in the request (read after the api
-- function has made its change, in the same transaction).
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

-- notifications: only your own; they are made by the trigger below, never by hand.
create policy "people read their own notifications" on public.notifications
  for select to authenticated using (user_id = (select auth.uid()));
create policy "people mark their own notifications read" on public.notifications
  for update to authenticated using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

-- Each event tells the people it concerns (never the person who did it), and wakes live pages.
create function app_private.notify_request_event() returns trigger
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
    when 'reassigned' then 'reassigned' when 'escalated' then 'escalated' else null end;
  if v_kind is not null then
    insert into public.notifications (user_id, school_id, kind, request_id)
    select u, new.school_id, v_kind, new.request_id
    from unnest(case
      when new.kind in ('claimed', 'joined', 'unclaimed', 'logged', 'reminded', 'escalated') then array[r.teacher_id]
      when new.kind in ('closed', 'auto_closed') then array[r.claimed_by, r.partner_id, r.teacher_id]
      else array[r.teacher_id, r.claimed_by, r.partner_id] end) as u
    where u is not null and u is distinct from new.actor_id;
  end if;
  perform pg_notify('help_requests', json_build_object('school', new.school_id, 'request', new.request_id)::text);
  return new;
end;
$$;
revoke all on function app_private.notify_request_event() from public;
create trigger request_events_notify after insert on public.request_events
  for each row execute function app_private.notify_request_event();

-- Every school starts with the tools K-12 classrooms use most; the coordinator tidies the list.
create function app_private.seed_school_tools() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.tools (school_id, name, category, url, icon)
  select new.id, t.name, t.category, t.url, t.icon
  from (values
    ('Google Classroom', 'classroom', 'https://classroom.google.com', 'school'),
    ('Flip', 'video', 'https://info.flip.com', 'video'),
    ('Canva', 'design', 'https://www.canva.com', 'palette'),
    ('Kahoot!', 'quiz', 'https://kahoot.com', 'trophy'),
    ('Read&Write', 'reading', 'https://www.texthelp.com/products/read-and-write-education/', 'book-open'),
    ('Immersive Reader', 'reading', 'https://www.onenote.com/learningtools', 'glasses'),
    ('Quizlet', 'quiz', 'https://quizlet.com', 'layers'),
    ('Padlet', 'classroom', 'https://padlet.com', 'sticky-note'),
    ('Book Creator', 'writing', 'https://bookcreator.com', 'book'),
    ('Google Slides', 'design', 'https://docs.google.com/presentation', 'presentation'),
    ('Google Docs', 'writing', 'https://docs.google.com', 'file-text'),
    ('Nearpod', 'classroom', 'https://nearpod.com', 'monitor'),
    ('Seesaw', 'classroom', 'https://web.seesaw.me', 'image'),
    ('Desmos', 'math', 'https://www.desmos.com', 'calculator'),
    ('Khan Academy', 'math', 'https://www.khanacademy.org', 'graduation-cap'),
    ('Edpuzzle', 'video', 'https://edpuzzle.com', 'clapperboard')
  ) as t (name, category, url, icon);
  return new;
end;
$$;
revoke all on function app_private.seed_school_tools() from public;
create trigger schools_seed_tools after insert on public.schools
  for each row execute function app_private.seed_school_tools();
