-- Faster coordinator pages (npm run bench, a 3,300-person school on PGlite): the home page counted
-- students, adults and deactivated people by joining every profile to its memberships on each
-- visit, and the people page counted the whole school and sorted it for each page of 50.
-- Head counts now live in one row per school, recounted by statement triggers whenever people or
-- roles change (rare; a recount is ~3 ms at 3,300 people), so reading them costs the same in any
-- school and the number stays exact. The people page takes its total from that row when nothing
-- is searched, and reads its page straight from an index in page order. api.home() reads the row
-- too (in 20261124000300). The second half makes the mentor queue cheap at 10,000+ open
-- requests and redefines api.help_queue (see there).

create table public.school_head_counts (
  school_id uuid primary key references public.schools (id) on delete cascade,
  people int not null default 0,
  students int not null default 0,
  adults int not null default 0,
  deactivated int not null default 0,
  updated_at timestamptz not null default now()
);
comment on table public.school_head_counts is 'How many people a school has, by kind; kept by triggers on profiles and memberships, never written by hand.';

alter table public.school_head_counts enable row level security;
revoke all on public.school_head_counts from anon, authenticated;
grant select on public.school_head_counts to authenticated;
create policy "coordinators read their school's head counts" on public.school_head_counts
  for select to authenticated using (
    school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator'))
  );

-- Recounts the given schools. One school at a time, in a fixed order, under its row's lock: two
-- transactions adding people at once then recount one after the other (each statement of this
-- volatile function sees what committed before it), so neither overwrites the other's count.
-- A school being deleted is skipped (its row goes with it).
create function app_private.refresh_head_counts(p_school_ids uuid[]) returns void
language plpgsql security definer set search_path = ''
as $$
declare v_school uuid;
begin
  for v_school in
    select distinct x.id from unnest(p_school_ids) as x (id)
    where exists (select from public.schools s where s.id = x.id) order by 1
  loop
    insert into public.school_head_counts (school_id) values (v_school) on conflict (school_id) do nothing;
    perform from public.school_head_counts c where c.school_id = v_school for update;
    update public.school_head_counts c
    set (people, students, adults, deactivated, updated_at) = (
      select count(*), count(*) filter (where p.deactivated_at is null and r.student),
             count(*) filter (where p.deactivated_at is null and r.adult),
             count(*) filter (where p.deactivated_at is not null), now()
      from public.profiles p
      left join (select m.user_id, bool_or(m.role = 'student_mentor') as student, bool_or(m.role <> 'student_mentor') as adult
                 from public.memberships m where m.school_id = v_school group by m.user_id) r on r.user_id = p.user_id
      where p.school_id = v_school)
    where c.school_id = v_school;
  end loop;
end;
$$;

-- Statement triggers (one recount per statement, however many rows it wrote). Profile updates
-- that change no count (names, languages, reading preferences) recount nothing.
create function app_private.head_counts_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform app_private.refresh_head_counts(array(select n.school_id from new_rows n));
  elsif tg_op = 'DELETE' then
    perform app_private.refresh_head_counts(array(select o.school_id from old_rows o));
  elsif tg_table_name = 'profiles' then
    perform app_private.refresh_head_counts(array(
      select x.school_id from (
        (select n.school_id, n.deactivated_at is null from new_rows n
         except all select o.school_id, o.deactivated_at is null from old_rows o)
        union all
        (select o.school_id, o.deactivated_at is null from old_rows o
         except all select n.school_id, n.deactivated_at is null from new_rows n)) as x (school_id, active)));
  else
    perform app_private.refresh_head_counts(array(select n.school_id from new_rows n union select o.school_id from old_rows o));
  end if;
  return null;
end;
$$;
revoke all on function app_private.refresh_head_counts(uuid[]), app_private.head_counts_changed() from public;

create trigger profiles_head_counts_insert after insert on public.profiles
  referencing new table as new_rows for each statement execute function app_private.head_counts_changed();
create trigger profiles_head_counts_update after update on public.profiles
  referencing new table as new_rows old table as old_rows for each statement execute function app_private.head_counts_changed();
create trigger profiles_head_counts_delete after delete on public.profiles
  referencing old table as old_rows for each statement execute function app_private.head_counts_changed();
create trigger memberships_head_counts_insert after insert on public.memberships
  referencing new table as new_rows for each statement execute function app_private.head_counts_changed();
create trigger memberships_head_counts_update after update on public.memberships
  referencing new table as new_rows old table as old_rows for each statement execute function app_private.head_counts_changed();
create trigger memberships_head_counts_delete after delete on public.memberships
  referencing old table as old_rows for each statement execute function app_private.head_counts_changed();

select app_private.refresh_head_counts(array(select s.id from public.schools s));

-- The people page's order, to the last key, so a page is read from the index without a sort.
drop index public.profiles_school_name_idx;
create index profiles_school_order_idx on public.profiles (school_id, (deactivated_at is not null), lower(display_name), user_id);

-- Same contract as in 20261123000500_people_paging.sql. The total comes from the head counts
-- unless a search narrows it (then it counts the matches); a page is read in index order; one
-- person (their own page) by primary key.
create or replace function api.school_people(p_query text default null, p_page int default 1, p_user_id uuid default null)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  v_school uuid := (v_me -> 'school' ->> 'id')::uuid;
  v_size constant int := 25;
  v_page int := greatest(1, least(coalesce(p_page, 1), 10000));
  v_search text := nullif(lower(btrim(coalesce(p_query, ''))), '');
  v_pattern text := '%' || replace(replace(replace(coalesce(v_search, ''), '\', '\\'), '%', '\%'), '_', '\_') || '%';
  v_total bigint;
  v_people jsonb;
  v_found bigint;
begin
  if not (select app_private.has_role('coordinator')) then
    raise exception using errcode = 'PT403', message = 'auth.forbidden', hint = 'auth.forbidden';
  end if;
  -- (One person's page counts the row it finds, below.)
  if p_user_id is null and v_search is null then
    v_total := coalesce((select c.people from public.school_head_counts c where c.school_id = v_school), 0);
  elsif p_user_id is null then
    select count(*) into v_total from public.profiles p
    where p.school_id = v_school and (lower(p.display_name) like v_pattern or coalesce(p.username, '') like v_pattern);
  end if;
  -- Either one person by primary key or a page in index order; the branch that does not apply
  -- is switched off by its one-time filter. Rows are built inline: a helper function per row
  -- cost more than the rest of the query.
  select coalesce(jsonb_agg(jsonb_build_object(
      'user_id', p.user_id,
      'display_name', p.display_name,
      'username', p.username,
      'preferred_languages', to_jsonb(p.preferred_languages),
      'deactivated', p.deactivated_at is not null,
      'roles', (select coalesce(jsonb_agg(m.role order by m.role), '[]') from public.memberships m where m.user_id = p.user_id)
    ) order by p.deactivated_at is not null, lower(p.display_name), p.user_id), '[]'), count(*)
  into v_people, v_found
  from (
    select * from public.profiles p
    where p_user_id is not null and p.user_id = p_user_id and p.school_id = v_school
      and (v_search is null or lower(p.display_name) like v_pattern or coalesce(p.username, '') like v_pattern)
    union all
    (select * from public.profiles p
     where p_user_id is null and p.school_id = v_school
       and (v_search is null or lower(p.display_name) like v_pattern or coalesce(p.username, '') like v_pattern)
     order by p.deactivated_at is not null, lower(p.display_name), p.user_id
     limit v_size offset (v_page - 1) * v_size)
  ) p;
  return jsonb_build_object(
    'me', v_me,
    'page', v_page,
    'page_size', v_size,
    'total', coalesce(v_total, v_found),
    'people', v_people,
    'invites', coalesce((
      select jsonb_agg(i.invite order by i.created_at desc)
      from (
        select iv.created_at, jsonb_build_object(
          'id', iv.id, 'email', iv.email, 'role', iv.role, 'expires_at', iv.expires_at,
          'status', case when iv.accepted_at is not null then 'accepted'
                         when iv.revoked_at is not null then 'revoked'
                         when iv.expires_at <= now() then 'expired' else 'open' end) as invite
        from public.invites iv where iv.school_id = v_school
        order by iv.created_at desc limit 100
      ) i), '[]')
  );
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- The mentor queue at 10,000 open requests (npm run bench, /queue). Three costs, each ~2-5 ms:
-- 1. status is an enum, and enum equality is not leakproof, so under RLS `status = 'open'` could
--    not be an index condition: the queue read every request of the school and sorted them.
--    A partial index on the open ones, in queue order, is read 26 entries at a time instead.
create index help_requests_open_idx on public.help_requests (school_id, urgency desc, created_at, id)
  where status = 'open';

-- 2. app_private.request_card(r), called once per row, costs ~0.2 ms a call in PGlite (each call
--    starts its own executor for five lookups). request_cards() takes the whole list and makes
--    every card in one query; request_card(r) is now the list of one, so the shape lives here only.
create function app_private.request_cards(p_requests public.help_requests[]) returns jsonb
language sql stable set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', r.id, 'status', r.status, 'subject', r.subject, 'grade', r.grade, 'urgency', r.urgency,
    'learner_flags', to_jsonb(r.learner_flags), 'languages', to_jsonb(r.languages),
    'available_days', to_jsonb(r.available_days), 'available_times', to_jsonb(r.available_times),
    'is_private', r.is_private, 'created_at', r.created_at, 'scheduled_at', r.scheduled_at,
    'escalated', r.escalated_at is not null,
    'tool', (select jsonb_build_object('id', t.id, 'name', t.name, 'icon', t.icon) from public.tools t where t.id = r.tool_id),
    'teacher', (select p.display_name from public.profiles p where p.user_id = r.teacher_id),
    'claimed_by', (select p.display_name from public.profiles p where p.user_id = r.claimed_by),
    'partner', (select p.display_name from public.profiles p where p.user_id = r.partner_id),
    'goal', (select d.goal from public.help_request_details d where d.request_id = r.id)
  ) order by r.ordinality), '[]')
  from unnest(p_requests) with ordinality as r
$$;
grant execute on function app_private.request_cards(public.help_requests[]) to authenticated;

create or replace function app_private.request_card(r public.help_requests) returns jsonb
language sql stable set search_path = ''
as $$ select app_private.request_cards(array[r]) -> 0 $$;

-- 3. Reading the goal ran app_private.reads_request_details() per row, which ran in_request() or
--    sees_request(): three security definer calls a card. The same rule, written as a subquery the
--    planner joins: the request must be visible to the caller (its own RLS: same school, and the
--    teacher's own, or a mentor or the coordinator), and a private one only to the people in it
--    or the coordinator.
drop policy "people who may read the words of a request" on public.help_request_details;
create policy "people who may read the words of a request" on public.help_request_details
  for select to authenticated using (
    school_id = (select app_private.my_school_id())
    and exists (select from public.help_requests r where r.id = request_id
                and (not r.is_private or (select auth.uid()) in (r.teacher_id, r.claimed_by, r.partner_id)
                     or (select app_private.has_role('coordinator'))))
  );

-- Same contract as in 20261124000300_help_requests_views.sql; the page of ids comes from the
-- partial index and the cards from request_cards().
create or replace function api.help_queue(p_tool_id uuid default null, p_language text default null, p_day text default null,
  p_page int default 1) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  v_size constant int := 12;
  v_page int := greatest(1, least(coalesce(p_page, 1), 400));
  v_items jsonb;
begin
  if not ((select app_private.has_role('student_mentor')) or (select app_private.has_role('coordinator'))) then
    perform app_private.raise_key('PT403', 'request.mentors_only');
  end if;
  v_items := app_private.request_cards(array(
    select r from public.help_requests r
    where r.school_id = (v_me -> 'school' ->> 'id')::uuid and r.status = 'open'
      and (p_tool_id is null or r.tool_id = p_tool_id)
      and (p_language is null or p_language = any (r.languages))
      and (p_day is null or p_day = any (r.available_days) or r.available_days = '{}')
    order by r.urgency desc, r.created_at, r.id
    limit v_size + 1 offset (v_page - 1) * v_size));
  return jsonb_build_object(
    'me', v_me,
    'page', v_page,
    'has_more', jsonb_array_length(v_items) > v_size,
    'requests', case when jsonb_array_length(v_items) > v_size then v_items - v_size else v_items end,
    'mine', app_private.request_cards(array(
      select r from public.help_requests r
      where (r.claimed_by = (select auth.uid()) or r.partner_id = (select auth.uid()))
        and r.status in ('claimed', 'scheduled', 'done')
      order by r.scheduled_at nulls last, r.created_at)),
    'tools', coalesce((select jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) order by lower(t.name))
      from public.tools t), '[]')
  );
end;
$$;
