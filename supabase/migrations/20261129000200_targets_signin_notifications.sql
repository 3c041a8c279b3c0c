-- Issue 10, points 4 and 13: the coordinator can save the overview targets; the bell tells the
-- reviewer a guide waits for them and tells the authors when it is published; opening one
-- notification marks it read; a guide's difficulty and time are chosen by its author, never
-- published from a default. (Point 8, the sign-in limit, is in the local-accounts shim: Supabase
-- Auth has its own limits, so that table does not exist there.)

-- ---------------------------------------------------------------------------------------------
-- Point 4: api.set_help_targets updates these two columns as the coordinator, but only the name
-- and time zone were granted, so it failed with 42501. The policy "coordinators update their
-- school" still decides whose row: only a coordinator's own school.
grant update (claim_target_days, resolve_target_days) on public.schools to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Difficulty and time: no default any more. A new draft has neither, so an untouched draft can no
-- longer be published as "Very easy · 10 minutes"; sending it for review asks for both.
alter table public.walkthroughs
  alter column difficulty drop default, alter column difficulty drop not null,
  alter column minutes drop default, alter column minutes drop not null;
alter table public.walkthroughs add constraint walkthroughs_details_chosen
  check (status not in ('in_review', 'published') or (difficulty is not null and minutes is not null));

-- ---------------------------------------------------------------------------------------------
-- A teacher named as reviewer could not publish: api.walkthrough_review indexes the guide for
-- search after it is published, and by then the teacher no longer "sees the draft" (that ends
-- with the review), so the insert broke RLS. The reviewer who published it may now refresh its
-- search rows too, as its authors and the coordinator could.
create function app_private.published_by_me(p_walkthrough_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select from public.walkthroughs w
                 where w.id = p_walkthrough_id and w.status = 'published' and w.reviewer_id = (select auth.uid())
                   and w.school_id = (select app_private.my_school_id()))
$$;
revoke all on function app_private.published_by_me(uuid) from public;
grant execute on function app_private.published_by_me(uuid) to authenticated;

drop policy "publishing indexes a walkthrough" on public.walkthrough_search;
create policy "publishing indexes a walkthrough" on public.walkthrough_search
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id())
    and ((select app_private.sees_walkthrough_draft(walkthrough_id)) or (select app_private.published_by_me(walkthrough_id))));
drop policy "unpublishing removes it from search" on public.walkthrough_search;
create policy "unpublishing removes it from search" on public.walkthrough_search
  for delete to authenticated using (
    school_id = (select app_private.my_school_id())
    and ((select app_private.sees_walkthrough_draft(walkthrough_id)) or (select app_private.published_by_me(walkthrough_id))));

-- ---------------------------------------------------------------------------------------------
-- Notifications about walkthroughs.
alter table public.notifications
  add column walkthrough_id uuid references public.walkthroughs (id) on delete cascade;
create index notifications_walkthrough_idx on public.notifications (walkthrough_id) where walkthrough_id is not null;
alter table public.notifications drop constraint notifications_kind_check;
alter table public.notifications add constraint notifications_kind_check
  check (kind in ('claimed', 'unclaimed', 'proposed', 'scheduled', 'reminder', 'logged', 'thanks',
    'auto_closed', 'reassigned', 'escalated', 'review_requested', 'published'));

-- Tells the people a walkthrough's step concerns, never the person who took it:
--   review_requested: the teacher the authors named, else every coordinator of the school who
--                     is not an author (authors cannot approve their own guide);
--   published:        every author.
-- Runs as owner (notifications are never written by hand), so it checks that the step really
-- happened: a caller cannot use it to send notifications about a guide in another state.
create function app_private.notify_walkthrough(p_walkthrough_id uuid, p_kind text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  w public.walkthroughs;
  v_actor uuid := (select auth.uid());
begin
  select * into w from public.walkthroughs x
  where x.id = p_walkthrough_id and x.school_id = (select app_private.my_school_id());
  if not found then
    return;
  end if;
  if p_kind = 'review_requested' and w.status = 'in_review' then
    insert into public.notifications (user_id, school_id, kind, walkthrough_id)
    select u.user_id, w.school_id, 'review_requested', w.id
    from (
      select w.reviewer_id as user_id where w.reviewer_id is not null
      union
      select m.user_id from public.memberships m join public.profiles p on p.user_id = m.user_id
      where w.reviewer_id is null and m.school_id = w.school_id and m.role = 'coordinator' and p.deactivated_at is null
        and not exists (select from public.walkthrough_authors a where a.walkthrough_id = w.id and a.user_id = m.user_id)
    ) u
    where u.user_id is distinct from v_actor;
  elsif p_kind = 'published' and w.status = 'published' then
    insert into public.notifications (user_id, school_id, kind, walkthrough_id)
    select a.user_id, w.school_id, 'published', w.id
    from public.walkthrough_authors a join public.profiles p on p.user_id = a.user_id
    where a.walkthrough_id = w.id and p.deactivated_at is null and a.user_id is distinct from v_actor;
  end if;
  -- Wakes the open pages of the school, so the bell counts the new notification.
  perform pg_notify('help_requests', json_build_object('school', w.school_id)::text);
end;
$$;
revoke all on function app_private.notify_walkthrough(uuid, text) from public;
grant execute on function app_private.notify_walkthrough(uuid, text) to authenticated;

-- Sending for review: as before, plus difficulty and time must be chosen, and the reviewer is told.
create or replace function api.walkthrough_submit(p_walkthrough_id uuid, p_reviewer_id uuid default null) returns jsonb
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
  if w.difficulty is null or w.minutes is null then
    perform app_private.raise_key('PT400', 'walkthrough.choose_details');
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
  perform app_private.notify_walkthrough(w.id, 'review_requested');
  return jsonb_build_object('id', w.id, 'status', 'in_review');
end;
$$;

-- A review decision: as before, and publishing tells the authors.
create or replace function app_private.decide_walkthrough(p_walkthrough_id uuid, p_status public.walkthrough_status,
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
  if p_status = 'published' then
    perform app_private.notify_walkthrough(p_walkthrough_id, 'published');
  end if;
end;
$$;

-- The bell's list: a walkthrough notification carries the guide and its title (when the reader
-- may still see it).
create or replace function api.my_notifications() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare v_me jsonb := app_private.require_me();
begin
  return jsonb_build_object(
    'me', v_me,
    'notifications', coalesce((select jsonb_agg(jsonb_build_object('id', n.id, 'kind', n.kind, 'request_id', n.request_id,
        'walkthrough_id', n.walkthrough_id, 'at', n.created_at, 'read', n.read_at is not null,
        'tool', coalesce(
          (select t.name from public.tools t join public.help_requests r on r.tool_id = t.id where r.id = n.request_id),
          (select t.name from public.tools t join public.walkthroughs w on w.tool_id = t.id where w.id = n.walkthrough_id)),
        -- The request's subject and grade (never its private words), so that two notes of one kind
        -- about one tool can be told apart.
        'subject', (select r.subject || ', ' || r.grade from public.help_requests r where r.id = n.request_id),
        'title', (select v.title from public.walkthroughs w join public.walkthrough_versions v
                  on v.walkthrough_id = w.id and v.language = w.original_language where w.id = n.walkthrough_id))
        order by n.id desc)
      from (select * from public.notifications x where x.user_id = (select auth.uid()) order by x.id desc limit 50) n), '[]'));
end;
$$;

-- Opening one notification: marks it read (only your own: RLS) and says where it leads.
create function api.open_notification(p_notification_id bigint) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare n public.notifications;
begin
  perform app_private.require_me();
  update public.notifications x set read_at = coalesce(x.read_at, now())
  where x.id = p_notification_id and x.user_id = (select auth.uid())
  returning * into n;
  if not found then
    perform app_private.raise_key('PT404', 'notifications.not_found');
  end if;
  return jsonb_build_object('id', n.id, 'kind', n.kind, 'request_id', n.request_id, 'walkthrough_id', n.walkthrough_id);
end;
$$;

revoke all on function api.open_notification(bigint) from public, anon, authenticated;
grant execute on function api.open_notification(bigint) to anon, authenticated;
