-- What the walkthrough pages call: start, edit, translate, submit, review, publish, read, vote,
-- comment and search. Each is security invoker: the policies of the previous migration decide.

-- The whole working copy as one document: what a revision freezes and readers read.
create function app_private.walkthrough_snapshot(p_walkthrough_id uuid) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'tool', (select jsonb_build_object('id', t.id, 'name', t.name, 'icon', t.icon) from public.tools t where t.id = w.tool_id),
    'difficulty', w.difficulty, 'minutes', w.minutes, 'original_language', w.original_language,
    'from_request_id', w.from_request_id,
    'authors', coalesce((select jsonb_agg(p.display_name order by a.added_at) from public.walkthrough_authors a
                         join public.profiles p on p.user_id = a.user_id where a.walkthrough_id = w.id), '[]'),
    'steps', coalesce((select jsonb_agg(jsonb_build_object('id', s.id, 'screenshot', case when c.id is not null then
                         jsonb_build_object('id', c.id, 'width', c.width, 'height', c.height) end) order by s.position)
                       from public.walkthrough_steps s left join public.screenshots c on c.id = s.screenshot_id
                       where s.walkthrough_id = w.id), '[]'),
    'versions', coalesce((select jsonb_object_agg(v.language, jsonb_build_object(
        'title', v.title, 'outcome', v.outcome, 'prerequisites', v.prerequisites,
        'steps', coalesce((select jsonb_agg(jsonb_build_object('body', coalesce(x.body, ''), 'callout_kind', x.callout_kind,
                             'callout', coalesce(x.callout, ''), 'alt', coalesce(x.alt, '')) order by s.position)
                           from public.walkthrough_steps s
                           left join public.walkthrough_step_texts x on x.step_id = s.id and x.language = v.language
                           where s.walkthrough_id = w.id), '[]')))
      from public.walkthrough_versions v where v.walkthrough_id = w.id), '{}'))
  from public.walkthroughs w where w.id = p_walkthrough_id
$$;
grant execute on function app_private.walkthrough_snapshot(uuid) to authenticated;

-- The working copy, if the caller may see it; locked when p_lock.
create function app_private.walkthrough_for(p_walkthrough_id uuid, p_lock boolean default false) returns public.walkthroughs
language plpgsql set search_path = ''
as $$
declare w public.walkthroughs;
begin
  if p_lock then
    select * into w from public.walkthroughs where id = p_walkthrough_id for update;
  else
    select * into w from public.walkthroughs where id = p_walkthrough_id;
  end if;
  if not found then
    perform app_private.raise_key('PT404', 'walkthrough.not_found');
  end if;
  return w;
end;
$$;
grant execute on function app_private.walkthrough_for(uuid, boolean) to authenticated;

create function app_private.require_author(p_walkthrough_id uuid) returns public.walkthroughs
language plpgsql set search_path = ''
as $$
declare w public.walkthroughs := app_private.walkthrough_for(p_walkthrough_id, true);
begin
  if not (select app_private.authors_walkthrough(w.id)) then
    perform app_private.raise_key('PT403', 'walkthrough.authors_only');
  end if;
  return w;
end;
$$;
grant execute on function app_private.require_author(uuid) to authenticated;

-- A published walkthrough the caller can see, or not_found / not_published (both "not here" to a
-- reader: the reader page answers 404, a vote or comment gets the message).
create function app_private.published_walkthrough(p_walkthrough_id uuid) returns public.walkthroughs
language plpgsql set search_path = ''
as $$
declare w public.walkthroughs := app_private.walkthrough_for(p_walkthrough_id);
begin
  if w.status <> 'published' then
    perform app_private.raise_key('PT404', 'walkthrough.not_published');
  end if;
  return w;
end;
$$;
grant execute on function app_private.published_walkthrough(uuid) to authenticated;

-- A screenshot without alt text blocks publishing: the first such step, in any version.
create function app_private.missing_alt(p_walkthrough_id uuid) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object('step', s.position::text, 'language', v.language)
  from public.walkthrough_steps s
  join public.walkthrough_versions v on v.walkthrough_id = s.walkthrough_id
  left join public.walkthrough_step_texts x on x.step_id = s.id and x.language = v.language
  where s.walkthrough_id = p_walkthrough_id and s.screenshot_id is not null
    and btrim(coalesce(x.alt, '')) = ''
    -- A translation that has not reached this step yet shows the original's words, alt included.
    and (v.language = (select w.original_language from public.walkthroughs w where w.id = p_walkthrough_id)
         or btrim(coalesce(x.body, '')) <> '')
  order by s.position, v.language
  limit 1
$$;
grant execute on function app_private.missing_alt(uuid) to authenticated;

create function app_private.search_config(p_language text) returns regconfig
language sql immutable set search_path = ''
as $$ select (case p_language when 'es' then 'pg_catalog.spanish' when 'en' then 'pg_catalog.english' else 'pg_catalog.simple' end)::regconfig $$;
grant execute on function app_private.search_config(text) to authenticated;

create function app_private.fold_accents(p_text text) returns text
language sql stable set search_path = ''
as $$ select extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(p_text, '')) $$;
grant execute on function app_private.fold_accents(text) to authenticated;
grant usage on schema extensions to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Starting and editing

create function api.walkthrough_start(p_submission_id uuid, p_tool_id uuid, p_language text, p_title text,
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
  -- From help to guide: the request's tool and goal, for someone who took part in it.
  if p_from_request_id is not null then
    select * into r from public.help_requests x where x.id = p_from_request_id;
    if not found or r.status not in ('done', 'closed')
       or not coalesce(v_uid in (r.teacher_id, r.claimed_by, r.partner_id), false) then
      perform app_private.raise_key('PT400', 'walkthrough.bad_request');
    end if;
    select coalesce(d.goal, '') into v_goal from public.help_request_details d where d.request_id = r.id;
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

-- The editor page: the working copy in one language next to the original, and what the caller may do.
create function api.walkthrough_editor(p_walkthrough_id uuid, p_language text default null) returns jsonb
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
      'updated_at', w.updated_at, 'published_at', w.published_at),
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
    -- Translation progress: per language, how many steps have words.
    'progress', coalesce((select jsonb_agg(jsonb_build_object('language', v.language, 'total', v_total,
        'done', (select count(*) from public.walkthrough_step_texts x where x.walkthrough_id = w.id
                 and x.language = v.language and btrim(x.body) <> '')) order by v.language <> w.original_language, v.language)
      from public.walkthrough_versions v where v.walkthrough_id = w.id), '[]'),
    'authors', coalesce((select jsonb_agg(jsonb_build_object('user_id', a.user_id, 'display_name', p.display_name) order by a.added_at)
      from public.walkthrough_authors a join public.profiles p on p.user_id = a.user_id where a.walkthrough_id = w.id), '[]'),
    'reviews', coalesce((select jsonb_agg(jsonb_build_object('decision', r.decision, 'comment', r.comment, 'at', r.created_at,
        'reviewer', (select p.display_name from public.profiles p where p.user_id = r.reviewer_id)) order by r.created_at desc)
      from public.walkthrough_reviews r where r.walkthrough_id = w.id), '[]'),
    'revisions', coalesce((select jsonb_agg(jsonb_build_object('id', r.id, 'reason', r.reason, 'at', r.created_at,
        'by', (select p.display_name from public.profiles p where p.user_id = r.created_by)) order by r.id desc)
      from (select * from public.walkthrough_revisions x where x.walkthrough_id = w.id order by x.id desc limit 20) r), '[]'),
    'comments', coalesce((select jsonb_agg(jsonb_build_object('body', c.body, 'at', c.created_at,
        'author', (select p.display_name from public.profiles p where p.user_id = c.author_id)) order by c.created_at desc)
      from (select * from public.walkthrough_comments x where x.walkthrough_id = w.id order by x.created_at desc limit 50) c), '[]'),
    'tools', coalesce((select jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) order by lower(t.name)) from public.tools t), '[]'),
    -- Who can be a co-author or a reviewer: mentors and teachers at the school (names only).
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

-- Saves one language's form: details, then each step's words. In the original language the form's
-- order is the steps' order; a step is only ever deleted on purpose (walkthrough_delete_step), so a
-- form saved by one co-author never drops a step another has just added. A translation only fills
-- in words for the steps that exist. Autosave and the Save button both call this.
create function api.walkthrough_save(p_walkthrough_id uuid, p_language text, p_title text, p_outcome text,
  p_prerequisites text, p_tool_id uuid, p_difficulty int, p_minutes int, p_steps jsonb, p_add_step boolean default false)
returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  w public.walkthroughs := app_private.require_author(p_walkthrough_id);
  v_original boolean := p_language = w.original_language;
  v_step jsonb;
  v_id uuid;
  v_position int := 0;
  v_keep uuid[] := '{}';
begin
  if not app_private.is_content_language(p_language) then
    perform app_private.raise_key('PT400', 'walkthrough.bad_language');
  end if;
  if char_length(btrim(coalesce(p_title, ''))) not between 3 and 120 then
    perform app_private.raise_key('PT400', 'walkthrough.bad_title');
  end if;
  if jsonb_typeof(coalesce(p_steps, '[]')) <> 'array' or jsonb_array_length(coalesce(p_steps, '[]')) > 50 then
    perform app_private.raise_key('PT400', 'walkthrough.too_many_steps');
  end if;
  if v_original then
    if not exists (select from public.tools t where t.id = p_tool_id) then
      perform app_private.raise_key('PT400', 'walkthrough.bad_tool');
    end if;
    update public.walkthroughs set tool_id = p_tool_id, difficulty = p_difficulty, minutes = p_minutes, updated_at = now()
    where id = w.id;
  else
    update public.walkthroughs set updated_at = now() where id = w.id;
  end if;
  insert into public.walkthrough_versions (walkthrough_id, language, school_id, title, outcome, prerequisites, updated_at)
  values (w.id, p_language, w.school_id, btrim(p_title), btrim(coalesce(p_outcome, '')), btrim(coalesce(p_prerequisites, '')), now())
  on conflict (walkthrough_id, language) do update
    set title = excluded.title, outcome = excluded.outcome, prerequisites = excluded.prerequisites, updated_at = now();
  for v_step in select value from jsonb_array_elements(coalesce(p_steps, '[]')) loop
    v_id := nullif(v_step ->> 'id', '')::uuid;
    if v_id is not null and not exists (select from public.walkthrough_steps s where s.id = v_id and s.walkthrough_id = w.id) then
      perform app_private.raise_key('PT409', 'walkthrough.step_gone');
    end if;
    if v_original then
      v_position := v_position + 1;
      if v_id is null then
        insert into public.walkthrough_steps (walkthrough_id, school_id, position) values (w.id, w.school_id, v_position)
        returning id into v_id;
      else
        update public.walkthrough_steps set position = v_position where id = v_id;
      end if;
      v_keep := v_keep || v_id;
    elsif v_id is null then
      continue;
    end if;
    insert into public.walkthrough_step_texts (step_id, language, walkthrough_id, school_id, body, callout_kind, callout, alt)
    values (v_id, p_language, w.id, w.school_id, coalesce(v_step ->> 'body', ''),
      nullif(v_step ->> 'callout_kind', ''), coalesce(v_step ->> 'callout', ''), btrim(coalesce(v_step ->> 'alt', '')))
    on conflict (step_id, language) do update
      set body = excluded.body, callout_kind = excluded.callout_kind, callout = excluded.callout, alt = excluded.alt;
  end loop;
  if v_original then
    -- Steps this form did not know (a co-author added them meanwhile) are kept, after its own.
    update public.walkthrough_steps s set position = v_position + x.n
    from (select y.id, row_number() over (order by y.position) as n from public.walkthrough_steps y
          where y.walkthrough_id = w.id and not (y.id = any (v_keep))) x
    where s.id = x.id;
    select count(*) into v_position from public.walkthrough_steps s where s.walkthrough_id = w.id;
    if p_add_step or v_position = 0 then
      insert into public.walkthrough_steps (walkthrough_id, school_id, position) values (w.id, w.school_id, v_position + 1);
    end if;
  end if;
  return jsonb_build_object('id', w.id, 'saved_at', now());
end;
$$;

-- Deleting a step (and its words in every language), then closing the gap.
create function api.walkthrough_delete_step(p_walkthrough_id uuid, p_step_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare w public.walkthroughs := app_private.require_author(p_walkthrough_id);
begin
  if (select count(*) from public.walkthrough_steps s where s.walkthrough_id = w.id) <= 1 then
    perform app_private.raise_key('PT400', 'walkthrough.last_step');
  end if;
  delete from public.walkthrough_steps s where s.id = p_step_id and s.walkthrough_id = w.id;
  update public.walkthrough_steps s set position = x.n
  from (select y.id, row_number() over (order by y.position) as n from public.walkthrough_steps y where y.walkthrough_id = w.id) x
  where s.id = x.id and s.position <> x.n;
  update public.walkthroughs set updated_at = now() where id = w.id;
  return jsonb_build_object('id', w.id);
end;
$$;

-- Moving a step up or down one place (buttons, so it works without a script).
create function api.walkthrough_move_step(p_walkthrough_id uuid, p_step_id uuid, p_up boolean) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  w public.walkthroughs := app_private.require_author(p_walkthrough_id);
  v_from int;
  v_to int;
begin
  select s.position into v_from from public.walkthrough_steps s where s.id = p_step_id and s.walkthrough_id = w.id;
  if v_from is null then
    perform app_private.raise_key('PT409', 'walkthrough.step_gone');
  end if;
  v_to := v_from + case when p_up then -1 else 1 end;
  if exists (select from public.walkthrough_steps s where s.walkthrough_id = w.id and s.position = v_to) then
    update public.walkthrough_steps s set position = case when s.position = v_from then v_to else v_from end
    where s.walkthrough_id = w.id and s.position in (v_from, v_to);
    update public.walkthroughs set updated_at = now() where id = w.id;
  end if;
  return jsonb_build_object('id', w.id, 'position', greatest(1, least(v_to, (select max(position) from public.walkthrough_steps s where s.walkthrough_id = w.id))));
end;
$$;

-- A screenshot already prepared and stored by the app server (re-encoded, metadata stripped,
-- redacted). Returns the screenshot it replaces, so the server can delete that file.
create function api.walkthrough_attach_screenshot(p_walkthrough_id uuid, p_step_id uuid, p_screenshot_id uuid,
  p_width int, p_height int, p_bytes int) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  w public.walkthroughs := app_private.require_author(p_walkthrough_id);
  v_old uuid;
begin
  select s.screenshot_id into v_old from public.walkthrough_steps s where s.id = p_step_id and s.walkthrough_id = w.id;
  if not found then
    perform app_private.raise_key('PT409', 'walkthrough.step_gone');
  end if;
  insert into public.screenshots (id, school_id, walkthrough_id, uploaded_by, width, height, bytes)
  values (p_screenshot_id, w.school_id, w.id, (select auth.uid()), p_width, p_height, p_bytes);
  update public.walkthrough_steps set screenshot_id = p_screenshot_id where id = p_step_id;
  update public.walkthroughs set updated_at = now() where id = w.id;
  return jsonb_build_object('id', p_screenshot_id, 'replaced', v_old);
end;
$$;

create function api.walkthrough_remove_screenshot(p_walkthrough_id uuid, p_step_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  w public.walkthroughs := app_private.require_author(p_walkthrough_id);
  v_old uuid;
begin
  select s.screenshot_id into v_old from public.walkthrough_steps s where s.id = p_step_id and s.walkthrough_id = w.id;
  update public.walkthrough_steps set screenshot_id = null where id = p_step_id and walkthrough_id = w.id;
  return jsonb_build_object('removed', v_old);
end;
$$;

create function api.walkthrough_add_author(p_walkthrough_id uuid, p_user_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare w public.walkthroughs := app_private.require_author(p_walkthrough_id);
begin
  if not exists (select from public.profiles p join public.memberships m on m.user_id = p.user_id
                 where p.user_id = p_user_id and p.deactivated_at is null and m.role in ('student_mentor', 'teacher')) then
    perform app_private.raise_key('PT400', 'walkthrough.bad_author');
  end if;
  insert into public.walkthrough_authors (walkthrough_id, user_id, school_id) values (w.id, p_user_id, w.school_id)
  on conflict do nothing;
  return jsonb_build_object('id', w.id);
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Review and publishing

create function api.walkthrough_submit(p_walkthrough_id uuid, p_reviewer_id uuid default null) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  w public.walkthroughs := app_private.require_author(p_walkthrough_id);
  v_missing jsonb := app_private.missing_alt(w.id);
begin
  if v_missing is not null then
    perform app_private.raise_key('PT400', 'walkthrough.missing_alt', v_missing);
  end if;
  if not exists (select from public.walkthrough_step_texts x where x.walkthrough_id = w.id
                 and x.language = w.original_language and btrim(x.body) <> '') then
    perform app_private.raise_key('PT400', 'walkthrough.no_steps');
  end if;
  if p_reviewer_id is not null and (p_reviewer_id = (select auth.uid()) or not exists (
       select from public.memberships m join public.profiles p on p.user_id = m.user_id
       where m.user_id = p_reviewer_id and m.role = 'teacher' and p.deactivated_at is null)
       or (select app_private.authors_walkthrough(w.id)) and exists (select from public.walkthrough_authors a
            where a.walkthrough_id = w.id and a.user_id = p_reviewer_id)) then
    perform app_private.raise_key('PT400', 'walkthrough.bad_reviewer');
  end if;
  update public.walkthroughs set status = 'in_review', reviewer_id = p_reviewer_id, submitted_at = now(), updated_at = now()
  where id = w.id;
  insert into public.walkthrough_revisions (walkthrough_id, school_id, reason, snapshot, created_by)
  values (w.id, w.school_id, 'submitted', app_private.walkthrough_snapshot(w.id), (select auth.uid()));
  return jsonb_build_object('id', w.id, 'status', 'in_review');
end;
$$;

-- Search rows for a published snapshot, one per language version, each in its own language's
-- configuration. Accents are folded on both sides, so "video" finds "vídeo".
create function app_private.index_walkthrough(p_walkthrough_id uuid, p_snapshot jsonb) returns void
language sql set search_path = ''
as $$
  delete from public.walkthrough_search where walkthrough_id = p_walkthrough_id;
  insert into public.walkthrough_search (walkthrough_id, language, school_id, tool_id, difficulty, title, outcome, published_at, document)
  select w.id, v.key, w.school_id, w.tool_id, w.difficulty, v.value ->> 'title', v.value ->> 'outcome', now(),
    setweight(to_tsvector(app_private.search_config(v.key), app_private.fold_accents(v.value ->> 'title')), 'A')
    || setweight(to_tsvector(app_private.search_config(v.key), app_private.fold_accents(
         concat_ws(' ', v.value ->> 'outcome', p_snapshot -> 'tool' ->> 'name'))), 'B')
    || to_tsvector(app_private.search_config(v.key), app_private.fold_accents(
         (select string_agg(concat_ws(' ', s ->> 'body', s ->> 'callout'), ' ') from jsonb_array_elements(v.value -> 'steps') s)))
  from public.walkthroughs w, jsonb_each(p_snapshot -> 'versions') v
  where w.id = p_walkthrough_id and btrim(v.value ->> 'title') <> '';
$$;
grant execute on function app_private.index_walkthrough(uuid, jsonb) to authenticated;

-- A review decision moves the walkthrough on. Run as owner because a teacher who sends it back to
-- its authors can no longer see it afterwards, and Postgres checks an updated row against the
-- reader's policies. So the same rules as the guard trigger are checked here, first.
create function app_private.decide_walkthrough(p_walkthrough_id uuid, p_status public.walkthrough_status,
  p_revision bigint default null) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if p_status not in ('published', 'changes_requested') or not exists (
       select from public.walkthroughs w
       where w.id = p_walkthrough_id and w.status = 'in_review' and w.school_id = (select app_private.my_school_id())
         and ((select app_private.has_role('coordinator')) or w.reviewer_id = (select auth.uid()))
         and not exists (select from public.walkthrough_authors a where a.walkthrough_id = w.id and a.user_id = (select auth.uid()))) then
    raise exception using errcode = 'PT403', message = 'walkthrough.not_your_step', hint = 'walkthrough.not_your_step';
  end if;
  update public.walkthroughs
  set status = p_status, updated_at = now(),
      published_revision_id = coalesce(p_revision, published_revision_id),
      published_at = case when p_status = 'published' then now() else published_at end
  where id = p_walkthrough_id;
end;
$$;
revoke all on function app_private.decide_walkthrough(uuid, public.walkthrough_status, bigint) from public;
grant execute on function app_private.decide_walkthrough(uuid, public.walkthrough_status, bigint) to authenticated;

-- Approve (publish) or ask for changes. Publishing freezes the snapshot readers read and indexes
-- each language version for search in that language.
create function api.walkthrough_review(p_walkthrough_id uuid, p_decision text, p_comment text default '') returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  w public.walkthroughs := app_private.walkthrough_for(p_walkthrough_id, true);
  v_snapshot jsonb;
  v_revision bigint;
  v_missing jsonb;
begin
  if w.status <> 'in_review' then
    perform app_private.raise_key('PT409', 'walkthrough.not_in_review');
  end if;
  if p_decision not in ('approved', 'changes_requested') then
    perform app_private.raise_key('PT400', 'walkthrough.bad_decision');
  end if;
  if p_decision = 'changes_requested' and char_length(btrim(coalesce(p_comment, ''))) < 3 then
    perform app_private.raise_key('PT400', 'walkthrough.comment_needed');
  end if;
  if p_decision = 'approved' then
    v_missing := app_private.missing_alt(w.id);
    if v_missing is not null then
      perform app_private.raise_key('PT400', 'walkthrough.missing_alt', v_missing);
    end if;
  end if;
  insert into public.walkthrough_reviews (walkthrough_id, school_id, reviewer_id, decision, comment)
  values (w.id, w.school_id, (select auth.uid()), p_decision, btrim(coalesce(p_comment, '')));
  if p_decision = 'changes_requested' then
    perform app_private.decide_walkthrough(w.id, 'changes_requested');
    return jsonb_build_object('id', w.id, 'status', 'changes_requested');
  end if;
  v_snapshot := app_private.walkthrough_snapshot(w.id) || jsonb_build_object('published_at', now());
  insert into public.walkthrough_revisions (walkthrough_id, school_id, reason, snapshot, created_by)
  values (w.id, w.school_id, 'published', v_snapshot, (select auth.uid()))
  returning id into v_revision;
  perform app_private.decide_walkthrough(w.id, 'published', v_revision);
  perform app_private.index_walkthrough(w.id, v_snapshot);
  return jsonb_build_object('id', w.id, 'status', 'published', 'revision', v_revision);
end;
$$;

create function api.walkthrough_unpublish(p_walkthrough_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare w public.walkthroughs := app_private.walkthrough_for(p_walkthrough_id, true);
begin
  if w.status <> 'published' then
    perform app_private.raise_key('PT409', 'walkthrough.not_published');
  end if;
  update public.walkthroughs set status = 'unpublished', updated_at = now() where id = w.id;
  delete from public.walkthrough_search where walkthrough_id = w.id;
  insert into public.walkthrough_revisions (walkthrough_id, school_id, reason, snapshot, created_by)
  values (w.id, w.school_id, 'unpublished', app_private.walkthrough_snapshot(w.id), (select auth.uid()));
  return jsonb_build_object('id', w.id, 'status', 'unpublished');
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Reading

-- Helpful counts are for everyone; votes themselves are private, so they are counted as owner.
create function app_private.walkthrough_vote_counts(p_walkthrough_id uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('helpful', count(*) filter (where v.helpful), 'not_helpful', count(*) filter (where not v.helpful))
  from public.walkthrough_votes v
  where v.walkthrough_id = p_walkthrough_id
    and exists (select from public.walkthroughs w where w.id = p_walkthrough_id and w.school_id = (select app_private.my_school_id()))
$$;
revoke all on function app_private.walkthrough_vote_counts(uuid) from public;
grant execute on function app_private.walkthrough_vote_counts(uuid) to authenticated;

-- The published walkthrough, with the caller's vote and whether they may edit it.
create function api.walkthrough(p_walkthrough_id uuid) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  w public.walkthroughs := app_private.published_walkthrough(p_walkthrough_id);
  v_snapshot jsonb := (select r.snapshot from public.walkthrough_revisions r where r.id = w.published_revision_id);
begin
  return jsonb_build_object(
    'me', v_me,
    'id', w.id,
    'walkthrough', v_snapshot,
    'votes', app_private.walkthrough_vote_counts(w.id),
    'my_vote', (select v.helpful from public.walkthrough_votes v where v.walkthrough_id = w.id and v.user_id = (select auth.uid())),
    'is_author', (select app_private.authors_walkthrough(w.id)));
end;
$$;

create function api.walkthrough_vote(p_walkthrough_id uuid, p_helpful boolean) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  w public.walkthroughs := app_private.published_walkthrough(p_walkthrough_id);
begin
  -- One vote per person: a second one changes the first.
  insert into public.walkthrough_votes (walkthrough_id, user_id, school_id, helpful)
  values (w.id, (select auth.uid()), w.school_id, p_helpful)
  on conflict (walkthrough_id, user_id) do update set helpful = excluded.helpful, created_at = now();
  return jsonb_build_object('id', w.id, 'helpful', p_helpful);
end;
$$;

create function api.walkthrough_comment(p_walkthrough_id uuid, p_body text) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  w public.walkthroughs := app_private.published_walkthrough(p_walkthrough_id);
begin
  if char_length(btrim(coalesce(p_body, ''))) not between 1 and 1000 then
    perform app_private.raise_key('PT400', 'walkthrough.bad_comment');
  end if;
  insert into public.walkthrough_comments (walkthrough_id, school_id, author_id, body)
  values (w.id, w.school_id, (select auth.uid()), btrim(p_body));
  return jsonb_build_object('id', w.id);
end;
$$;

-- May the caller see this screenshot? (The app server serves the file only then.)
create function api.walkthrough_screenshot(p_screenshot_id uuid) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare v_id uuid;
begin
  perform app_private.require_me();
  select c.id into v_id from public.screenshots c where c.id = p_screenshot_id;
  if v_id is null then
    perform app_private.raise_key('PT404', 'walkthrough.not_found');
  end if;
  return jsonb_build_object('id', v_id);
end;
$$;

-- The library: published walkthroughs, searched in each version's own language (accents optional),
-- filtered by tool and difficulty, 20 a page; plus the caller's drafts and what awaits their review.
create function api.walkthroughs(p_query text default null, p_language text default null, p_tool_id uuid default null,
  p_difficulty int default null, p_page int default 1) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  v_uid uuid := (select auth.uid());
  v_size constant int := 20;
  v_page int := greatest(1, least(coalesce(p_page, 1), 200));
  v_q text := nullif(btrim(left(coalesce(p_query, ''), 200)), '');
  v_folded text := app_private.fold_accents(v_q);
  v_en tsquery := websearch_to_tsquery('pg_catalog.english', v_folded);
  v_es tsquery := websearch_to_tsquery('pg_catalog.spanish', v_folded);
  v_simple tsquery := websearch_to_tsquery('pg_catalog.simple', v_folded);
  v_items jsonb;
begin
  select coalesce(jsonb_agg(y.item order by y.rank desc, y.published_at desc), '[]') into v_items from (
   select x.* from (
    select distinct on (s.walkthrough_id) s.walkthrough_id, s.published_at,
      case when v_q is null then 0 else ts_rank(s.document, case s.language when 'en' then v_en when 'es' then v_es else v_simple end) end as rank,
      jsonb_build_object('id', s.walkthrough_id, 'language', s.language, 'title', s.title, 'outcome', s.outcome,
        'difficulty', s.difficulty, 'published_at', s.published_at,
        'tool', (select jsonb_build_object('id', t.id, 'name', t.name, 'icon', t.icon) from public.tools t where t.id = s.tool_id),
        'languages', (select jsonb_agg(o.language order by o.language) from public.walkthrough_search o where o.walkthrough_id = s.walkthrough_id)) as item
    from public.walkthrough_search s
    where (p_tool_id is null or s.tool_id = p_tool_id)
      and (p_difficulty is null or s.difficulty = p_difficulty)
      and (p_language is null or s.language = p_language)
      and (v_q is null
           or (s.language = 'en' and s.document @@ v_en)
           or (s.language = 'es' and s.document @@ v_es)
           or (s.language not in ('en', 'es') and (s.document @@ v_simple
               -- Chinese has no spaces between words: fall back to finding the text itself.
               or (s.language = 'zh' and app_private.fold_accents(s.title || ' ' || s.outcome) ilike '%' || v_folded || '%'))))
    order by s.walkthrough_id, (s.language = coalesce(p_language, v_me ->> 'interface_language', 'en')) desc, s.language
   ) x
   order by x.rank desc, x.published_at desc
   limit v_size + 1 offset (v_page - 1) * v_size) y;
  return jsonb_build_object(
    'me', v_me,
    'page', v_page,
    'has_more', jsonb_array_length(v_items) > v_size,
    'results', case when jsonb_array_length(v_items) > v_size then v_items - v_size else v_items end,
    'mine', coalesce((select jsonb_agg(jsonb_build_object('id', w.id, 'status', w.status, 'updated_at', w.updated_at,
        'title', (select v.title from public.walkthrough_versions v where v.walkthrough_id = w.id and v.language = w.original_language),
        'tool', (select t.name from public.tools t where t.id = w.tool_id)) order by w.updated_at desc)
      from (select x.* from public.walkthroughs x join public.walkthrough_authors a on a.walkthrough_id = x.id and a.user_id = v_uid
            order by x.updated_at desc limit 50) w), '[]'),
    'to_review', coalesce((select jsonb_agg(jsonb_build_object('id', w.id, 'submitted_at', w.submitted_at,
        'title', (select v.title from public.walkthrough_versions v where v.walkthrough_id = w.id and v.language = w.original_language),
        'tool', (select t.name from public.tools t where t.id = w.tool_id)) order by w.submitted_at)
      from (select x.* from public.walkthroughs x where x.status = 'in_review'
              and not exists (select from public.walkthrough_authors a where a.walkthrough_id = x.id and a.user_id = v_uid)
              and ((v_me -> 'roles') ? 'coordinator' or x.reviewer_id = v_uid)
            order by x.submitted_at limit 50) w), '[]'),
    'tools', coalesce((select jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) order by lower(t.name)) from public.tools t), '[]'));
end;
$$;

revoke all on all functions in schema api from public, anon, authenticated;
grant execute on all functions in schema api to anon, authenticated;

-- From help to guide, and back: the walkthroughs made from a help request that the caller can see,
-- and whether the caller may start one (they took part and the request is finished).
create function api.request_walkthroughs(p_request_id uuid) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  r public.help_requests;
begin
  perform app_private.require_me();
  select * into r from public.help_requests x where x.id = p_request_id;
  return jsonb_build_object(
    'can_start', coalesce(r.status in ('done', 'closed') and v_uid in (r.teacher_id, r.claimed_by, r.partner_id), false),
    'walkthroughs', coalesce((select jsonb_agg(jsonb_build_object('id', w.id, 'status', w.status,
        'title', (select v.title from public.walkthrough_versions v where v.walkthrough_id = w.id and v.language = w.original_language)))
      from public.walkthroughs w where w.from_request_id = p_request_id), '[]'));
end;
$$;
revoke all on function api.request_walkthroughs(uuid) from public, anon;
grant execute on function api.request_walkthroughs(uuid) to authenticated;
