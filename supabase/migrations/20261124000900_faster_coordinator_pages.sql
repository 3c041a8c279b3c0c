-- Faster coordinator pages (npm run bench, a 3,300-person school on PGlite): the home page counted
-- students, adults and deactivated people by joining every profile to its memberships on each
-- visit, and the people page counted the whole school and sorted it for each page of 50.
-- Head counts now live in one row per school, recounted by statement triggers whenever people or
-- roles change (rare; a recount is ~3 ms at 3,300 people), so reading them costs the same in any
-- school and the number stays exact. The people page takes its total from that row when nothing
-- is searched, and reads its page straight from an index in page order. api.home() reads the row
-- too (in 20261124000300).

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
