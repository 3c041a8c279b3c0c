-- Issue 10, points 2, 5, 6 and 7: private words stay private, a school's rows point only at its
-- own school, and the editor's lists have ids to key by.
--
-- 2. A walkthrough made from a private request starts with an empty goal: the teacher's words
--    were for the people helping them, and a published guide is read by the whole school. The
--    editor says where the draft came from, so it can ask the author for their own words.
-- 5. A mentor who wants to join a request as partner now asks to join. The teacher says yes
--    (then they are the partner, with everything a partner may see) or no. Until then they are
--    nobody in the request: the policies, which all read partner_id, do not count them.
-- 6. session_logs.tool_ids is the one id list a caller writes (walkthrough_save's step ids are
--    checked against the walkthrough already). A trigger refuses another school's tools there,
--    whichever way the row is written.
-- 7. The editor's reviews and comments carry their ids (lists were keyed by time, which two
--    rows can share).

-- ---------------------------------------------------------------------------------------------
-- 5. Asking to join

alter table public.help_requests
  add column asking_partner_id uuid references public.profiles (user_id) on delete set null,
  add constraint help_requests_one_partner_or_one_asking check (asking_partner_id is null or partner_id is null);
comment on column public.help_requests.asking_partner_id is
  'A mentor who asked to join as partner; the teacher has not answered yet. Not in the request until the teacher says yes.';
create index help_requests_asking_partner_idx on public.help_requests (asking_partner_id) where asking_partner_id is not null;
grant update (asking_partner_id) on public.help_requests to authenticated;

-- Partners who joined a private request before this rule were never chosen by its teacher: they
-- ask again, and the teacher decides.
update public.help_requests set asking_partner_id = partner_id, partner_id = null
where partner_id is not null and is_private and status in ('claimed', 'scheduled');

-- An ask belongs to the time a request is being worked on, and ends with it (given back, done,
-- cancelled), or when the mentor who asked becomes its owner. Named to run before the guard.
create function app_private.end_partner_ask() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.asking_partner_id := null;
  return new;
end;
$$;
create trigger help_requests_ask_ends before update on public.help_requests
  for each row when (new.asking_partner_id is not null
    and (new.status not in ('claimed', 'scheduled') or new.asking_partner_id = new.claimed_by))
  execute function app_private.end_partner_ask();

-- The guard of 20261124000100, with two changes: a mentor can no longer make themself partner
-- (they ask; the teacher's yes moves them from asking to partner), and who may ask, answer or
-- drop an ask.
create or replace function app_private.guard_help_request() returns trigger
language plpgsql set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_coordinator boolean := coalesce((select app_private.has_role('coordinator')), false);
  v_mentor boolean := coalesce((select app_private.has_role('student_mentor')), false);
  v_teacher boolean := coalesce(v_me = old.teacher_id, false);
  v_helper boolean := coalesce(v_me in (old.claimed_by, old.partner_id), false);
  v_asking boolean := new.asking_partner_id is distinct from old.asking_partner_id;
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
  -- Asking: a mentor for themself, while there is no partner; the ask ends by the teacher's
  -- answer, by the mentor who asked, or with the request's work (its owner gives it back).
  if v_asking then
    if not coalesce(
         (old.asking_partner_id is null and new.asking_partner_id = v_me and v_mentor and old.partner_id is null
          and not v_helper and not v_teacher)
      or (new.asking_partner_id is null and (v_teacher or v_helper or old.asking_partner_id = v_me)), false) then
      raise exception using errcode = 'PT403', message = 'request.not_yours', hint = 'request.not_yours';
    end if;
  end if;
  -- A partner comes in only by the teacher's yes to the mentor who asked. A partner may leave;
  -- the owner may drop the partner when handing over.
  if new.partner_id is distinct from old.partner_id then
    if not coalesce(
         (v_teacher and old.partner_id is null and new.partner_id = old.asking_partner_id and new.asking_partner_id is null)
      or (v_mentor and old.partner_id = v_me and new.partner_id is null)
      or (v_mentor and old.claimed_by = v_me and new.partner_id is null), false) then
      raise exception using errcode = 'PT403', message = 'request.not_yours', hint = 'request.not_yours';
    end if;
  end if;
  if (new.escalated_at, new.escalation_note) is distinct from (old.escalated_at, old.escalation_note) then
    raise exception using errcode = 'PT403', message = 'auth.forbidden', hint = 'auth.forbidden';
  end if;
  -- Outsiders may only claim or ask to join.
  if not (v_teacher or v_helper) and new.claimed_by is not distinct from old.claimed_by
     and new.partner_id is not distinct from old.partner_id and not v_asking then
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

-- The history names the ask and the teacher's answer.
alter table public.request_events drop constraint request_events_kind_check;
alter table public.request_events add constraint request_events_kind_check check (kind in ('posted', 'claimed', 'joined',
  'unclaimed', 'proposed', 'scheduled', 'logged', 'closed', 'cancelled', 'reopened', 'reminded', 'auto_closed', 'reassigned',
  'escalated', 'verified', 'asked_to_join', 'partner_approved', 'partner_declined'));

-- The policy of 20261124000100, with the three new kinds.
drop policy "people record what their part in a request lets them do" on public.request_events;
create policy "people record what their part in a request lets them do" on public.request_events
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and actor_id = (select auth.uid())
    and (select app_private.sees_request(request_id))
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
            when 'asked_to_join' then r.asking_partner_id = (select auth.uid())
            when 'partner_approved' then r.teacher_id = (select auth.uid())
            when 'partner_declined' then r.teacher_id = (select auth.uid())
            when 'logged' then (select auth.uid()) in (r.claimed_by, r.partner_id)
            when 'proposed' then (select auth.uid()) in (r.teacher_id, r.claimed_by, r.partner_id)
            when 'scheduled' then (select auth.uid()) in (r.teacher_id, r.claimed_by, r.partner_id)
            when 'unclaimed' then (select app_private.has_role('student_mentor')) and r.updated_at = now()
            else false
          end
      ))
  );

-- Joining is now asking: the mentor waits for the teacher's answer.
create or replace function api.join_help_request(p_request_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare r public.help_requests := app_private.request_for_update(p_request_id);
begin
  if not (select app_private.has_role('student_mentor')) then
    perform app_private.raise_key('PT403', 'request.mentors_only');
  end if;
  if (select auth.uid()) in (r.claimed_by, r.partner_id) then
    return jsonb_build_object('id', r.id, 'asked', false);
  end if;
  if r.asking_partner_id = (select auth.uid()) then
    return jsonb_build_object('id', r.id, 'asked', true);  -- a double click
  end if;
  if r.status not in ('claimed', 'scheduled') then
    perform app_private.raise_key('PT409', 'request.not_open');
  end if;
  if r.partner_id is not null or r.asking_partner_id is not null then
    perform app_private.raise_key('PT409', 'request.has_partner');
  end if;
  update public.help_requests set asking_partner_id = (select auth.uid()), updated_at = now() where id = r.id returning * into r;
  perform app_private.record_event(r, 'asked_to_join');
  return jsonb_build_object('id', r.id, 'asked', true);
end;
$$;

-- The teacher's answer to the mentor who asked (named, so a yes never lets in someone else who
-- asked after the page was drawn). Only the request's own teacher answers.
create function api.answer_partner_ask(p_request_id uuid, p_mentor_id uuid, p_approve boolean) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare r public.help_requests := app_private.request_for_update(p_request_id);
begin
  if (select auth.uid()) is distinct from r.teacher_id then
    perform app_private.raise_key('PT403', 'request.only_teacher_answers_ask');
  end if;
  if r.asking_partner_id is null or r.asking_partner_id is distinct from p_mentor_id or r.status not in ('claimed', 'scheduled') then
    perform app_private.raise_key('PT409', 'request.ask_gone');
  end if;
  if coalesce(p_approve, false) then
    update public.help_requests set partner_id = r.asking_partner_id, asking_partner_id = null, updated_at = now()
    where id = r.id returning * into r;
    perform app_private.record_event(r, 'partner_approved');
  else
    update public.help_requests set asking_partner_id = null, updated_at = now() where id = r.id returning * into r;
    perform app_private.record_event(r, 'partner_declined');
  end if;
  return jsonb_build_object('id', r.id, 'partner', r.partner_id);
end;
$$;

-- Who asked to join, for the request page: the teacher answers, the mentor who asked waits, the
-- people in the request and the coordinator see it. Others who see the request learn only that
-- somebody is waiting (so they are not offered to join), not who.
create function api.partner_ask(p_request_id uuid) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  r public.help_requests;
begin
  perform app_private.require_me();
  select * into r from public.help_requests x where x.id = p_request_id;
  if not found or r.asking_partner_id is null or r.status not in ('claimed', 'scheduled') then
    return jsonb_build_object('someone_asking', false, 'asking', null, 'mine', false, 'can_answer', false);
  end if;
  if not (v_uid in (r.teacher_id, r.asking_partner_id) or coalesce(v_uid in (r.claimed_by, r.partner_id), false)
          or (select app_private.has_role('coordinator'))) then
    return jsonb_build_object('someone_asking', true, 'asking', null, 'mine', false, 'can_answer', false);
  end if;
  return jsonb_build_object(
    'someone_asking', true,
    'asking', (select jsonb_build_object('user_id', p.user_id, 'display_name', p.display_name)
               from public.profiles p where p.user_id = r.asking_partner_id),
    'mine', r.asking_partner_id = v_uid,
    'can_answer', r.teacher_id = v_uid);
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- 6. Another school's tools in a session log

create function app_private.guard_session_log_tools() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (select from unnest(new.tool_ids) as x (id)
             where not exists (select from public.tools t where t.id = x.id and t.school_id = new.school_id)) then
    raise exception using errcode = 'PT400', message = 'errors.other_school', hint = 'errors.other_school';
  end if;
  return new;
end;
$$;
revoke all on function app_private.guard_session_log_tools() from public;
create trigger session_logs_own_tools before insert or update of tool_ids, school_id on public.session_logs
  for each row execute function app_private.guard_session_log_tools();

-- ---------------------------------------------------------------------------------------------
-- 2. No private words in a walkthrough draft

-- walkthrough_start of 20261124002100; the goal is copied only from a request that is not private.
create or replace function api.walkthrough_start(p_submission_id uuid, p_tool_id uuid, p_language text, p_title text,
  p_from_request_id uuid default null) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  v_school uuid := (v_me -> 'school' ->> 'id')::uuid;
  v_uid uuid := (select auth.uid());
  w public.walkthroughs;
  r public.help_requests;
  v_goal text := '';
begin
  if not (v_me -> 'roles') ?| array['student_mentor', 'teacher', 'coordinator'] then
    perform app_private.raise_key('PT403', 'walkthrough.writers_only');
  end if;
  select * into w from public.walkthroughs x where x.created_by = v_uid and x.submission_id = p_submission_id;
  if found then
    return jsonb_build_object('id', w.id, 'duplicate', true);
  end if;
  if not app_private.is_content_language(p_language) then
    perform app_private.raise_key('PT400', 'walkthrough.bad_language');
  end if;
  if char_length(btrim(coalesce(p_title, ''))) not between 3 and 120 then
    perform app_private.raise_key('PT400', 'walkthrough.bad_title');
  end if;
  -- From help to guide: the request's tool, and its goal unless the teacher kept it private.
  if p_from_request_id is not null then
    select * into r from public.help_requests x where x.id = p_from_request_id;
    if not found or r.status not in ('done', 'closed')
       or not coalesce(v_uid in (r.teacher_id, r.claimed_by, r.partner_id), false) then
      perform app_private.raise_key('PT400', 'walkthrough.bad_request');
    end if;
    if not r.is_private then
      select coalesce(d.goal, '') into v_goal from public.help_request_details d where d.request_id = r.id;
    end if;
    p_tool_id := r.tool_id;
  end if;
  if not exists (select from public.tools t where t.id = p_tool_id) then
    perform app_private.raise_key('PT400', 'walkthrough.bad_tool');
  end if;
  insert into public.walkthroughs (school_id, tool_id, created_by, original_language, from_request_id, submission_id)
  values (v_school, p_tool_id, v_uid, p_language, p_from_request_id, p_submission_id)
  returning * into w;
  insert into public.walkthrough_authors (walkthrough_id, user_id, school_id) values (w.id, v_uid, v_school);
  insert into public.walkthrough_versions (walkthrough_id, language, school_id, title, outcome)
  values (w.id, p_language, v_school, btrim(p_title), left(coalesce(v_goal, ''), 300));
  insert into public.walkthrough_steps (walkthrough_id, school_id, position) values (w.id, v_school, 1);
  return jsonb_build_object('id', w.id, 'duplicate', false);
end;
$$;

-- walkthrough_editor of 20261124002100, plus: whether the draft comes from a private request
-- (point 2), and the ids of reviews and comments (point 7).
create or replace function api.walkthrough_editor(p_walkthrough_id uuid, p_language text default null) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  w public.walkthroughs := app_private.walkthrough_for(p_walkthrough_id);
  v_language text := coalesce(p_language, w.original_language);
  v_author boolean := (select app_private.authors_walkthrough(w.id));
  v_coordinator boolean := (v_me -> 'roles') ? 'coordinator';
  v_total int;
begin
  if not (select app_private.sees_walkthrough_draft(w.id)) then
    perform app_private.raise_key('PT404', 'walkthrough.not_found');
  end if;
  if not app_private.is_content_language(v_language) then
    perform app_private.raise_key('PT400', 'walkthrough.bad_language');
  end if;
  select count(*) into v_total from public.walkthrough_steps s where s.walkthrough_id = w.id;
  return jsonb_build_object(
    'me', v_me,
    'walkthrough', jsonb_build_object('id', w.id, 'status', w.status, 'tool_id', w.tool_id, 'difficulty', w.difficulty,
      'minutes', w.minutes, 'original_language', w.original_language, 'reviewer_id', w.reviewer_id,
      'from_request_id', w.from_request_id, 'published', w.published_revision_id is not null,
      'updated_at', w.updated_at, 'published_at', w.published_at,
      'from_private_request', exists (select from public.help_requests r where r.id = w.from_request_id and r.is_private)),
    'language', v_language,
    'version', (select jsonb_build_object('title', v.title, 'outcome', v.outcome, 'prerequisites', v.prerequisites,
                  'updated_at', v.updated_at)
                from public.walkthrough_versions v where v.walkthrough_id = w.id and v.language = v_language),
    'original', (select jsonb_build_object('title', v.title, 'outcome', v.outcome, 'prerequisites', v.prerequisites)
                 from public.walkthrough_versions v where v.walkthrough_id = w.id and v.language = w.original_language),
    'steps', coalesce((select jsonb_agg(jsonb_build_object('id', s.id, 'position', s.position,
        'screenshot', case when c.id is not null then jsonb_build_object('id', c.id, 'width', c.width, 'height', c.height) end,
        'text', (select jsonb_build_object('body', x.body, 'callout_kind', x.callout_kind, 'callout', x.callout, 'alt', x.alt)
                 from public.walkthrough_step_texts x where x.step_id = s.id and x.language = v_language),
        'original', (select jsonb_build_object('body', x.body, 'callout_kind', x.callout_kind, 'callout', x.callout, 'alt', x.alt)
                     from public.walkthrough_step_texts x where x.step_id = s.id and x.language = w.original_language))
        order by s.position)
      from public.walkthrough_steps s left join public.screenshots c on c.id = s.screenshot_id
      where s.walkthrough_id = w.id), '[]'),
    'progress', coalesce((select jsonb_agg(jsonb_build_object('language', v.language, 'total', v_total,
        'done', (select count(*) from public.walkthrough_step_texts x where x.walkthrough_id = w.id
                 and x.language = v.language and btrim(x.body) <> '')) order by v.language <> w.original_language, v.language)
      from public.walkthrough_versions v where v.walkthrough_id = w.id), '[]'),
    'authors', coalesce((select jsonb_agg(jsonb_build_object('user_id', a.user_id, 'display_name', p.display_name) order by a.added_at)
      from public.walkthrough_authors a join public.profiles p on p.user_id = a.user_id where a.walkthrough_id = w.id), '[]'),
    'reviews', coalesce((select jsonb_agg(jsonb_build_object('id', r.id, 'decision', r.decision, 'comment', r.comment, 'at', r.created_at,
        'reviewer', (select p.display_name from public.profiles p where p.user_id = r.reviewer_id)) order by r.created_at desc, r.id)
      from public.walkthrough_reviews r where r.walkthrough_id = w.id), '[]'),
    'revisions', coalesce((select jsonb_agg(jsonb_build_object('id', r.id, 'reason', r.reason, 'at', r.created_at,
        'by', (select p.display_name from public.profiles p where p.user_id = r.created_by)) order by r.id desc)
      from (select * from public.walkthrough_revisions x where x.walkthrough_id = w.id order by x.id desc limit 20) r), '[]'),
    'comments', coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'body', c.body, 'at', c.created_at,
        'author', (select p.display_name from public.profiles p where p.user_id = c.author_id)) order by c.created_at desc, c.id)
      from (select * from public.walkthrough_comments x where x.walkthrough_id = w.id order by x.created_at desc, x.id limit 50) c), '[]'),
    'tools', coalesce((select jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) order by lower(t.name)) from public.tools t), '[]'),
    'people', case when v_author then coalesce((select jsonb_agg(jsonb_build_object('user_id', p.user_id, 'display_name', p.display_name,
        'teacher', exists (select from public.memberships m2 where m2.user_id = p.user_id and m2.role = 'teacher'))
        order by lower(p.display_name))
      from public.profiles p where p.deactivated_at is null and p.user_id <> (select auth.uid())
        and exists (select from public.memberships m where m.user_id = p.user_id and m.role in ('student_mentor', 'teacher'))), '[]') end,
    'missing_alt', app_private.missing_alt(w.id),
    'can', jsonb_build_object(
      'edit', v_author,
      'restructure', v_author and v_language = w.original_language,
      'submit', v_author and w.status in ('draft', 'changes_requested', 'published', 'unpublished'),
      'review', w.status = 'in_review' and not v_author and (v_coordinator or w.reviewer_id = (select auth.uid())),
      'unpublish', w.status = 'published' and (v_author or v_coordinator))
  );
end;
$$;

-- New functions start closed, as every api function does; then signed-in people may call them.
revoke all on function api.answer_partner_ask(uuid, uuid, boolean), api.partner_ask(uuid) from public, anon;
grant execute on function api.answer_partner_ask(uuid, uuid, boolean), api.partner_ask(uuid) to authenticated;
