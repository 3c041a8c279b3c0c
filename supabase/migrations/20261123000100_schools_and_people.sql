-- Schools, the people in them and their roles. Every rule about who sees whom lives here.
-- Tables: schools, profiles, memberships, invites, demo_personas.

create schema if not exists app_private;
revoke all on schema app_private from public;
grant usage on schema app_private to anon, authenticated, service_role;

create schema if not exists api;
grant usage on schema api to anon, authenticated, service_role;

create type public.school_role as enum ('student_mentor', 'teacher', 'researcher', 'coordinator');

create table public.schools (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 2 and 120),
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$'),
  time_zone text not null default 'America/Chicago',
  is_demo boolean not null default false,
  created_at timestamptz not null default now()
);
comment on table public.schools is 'A school running a student tech team. Students sign in with its code.';

create table public.profiles (
  user_id uuid primary key references auth.users (id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  display_name text not null check (char_length(btrim(display_name)) between 1 and 60),
  username text check (username ~ '^[a-z0-9][a-z0-9._-]{1,30}[a-z0-9]$'),
  preferred_languages text[] not null default '{en}',
  reading_preferences jsonb not null default '{}',
  deactivated_at timestamptz,
  created_at timestamptz not null default now(),
  unique (school_id, username)
);
comment on table public.profiles is 'One person at one school: the name the school agreed on, languages and reading preferences. No birth dates, no student email.';
create index profiles_school_id_idx on public.profiles (school_id);

create table public.memberships (
  user_id uuid not null references public.profiles (user_id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  role public.school_role not null,
  created_at timestamptz not null default now(),
  primary key (user_id, role)
);
comment on table public.memberships is 'The roles a person holds at their school; one person may hold several.';
create index memberships_school_id_idx on public.memberships (school_id, role);

create table public.invites (
  id uuid primary key default gen_random_uuid(),
  school_id uuid not null references public.schools (id) on delete cascade,
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 254),
  role public.school_role not null check (role <> 'student_mentor'),
  token_hash text not null unique,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_by uuid references public.profiles (user_id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.invites is 'Single-use, expiring links that let an adult join a school. Only the hash of the token is kept.';
create index invites_school_id_idx on public.invites (school_id);

create table public.demo_personas (
  user_id uuid primary key references public.profiles (user_id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  sort_order int not null default 0
);
comment on table public.demo_personas is 'Demo accounts offered on /demo; only ever rows of a demo school.';
create index demo_personas_school_id_idx on public.demo_personas (school_id);

-- Helpers for policies. Security definer so that policies on profiles and memberships can ask
-- about the caller without recursing into their own policies.
create function app_private.my_school_id() returns uuid
language sql stable security definer set search_path = ''
as $$
  select p.school_id from public.profiles p
  where p.user_id = (select auth.uid()) and p.deactivated_at is null
$$;

create function app_private.has_role(p_role public.school_role) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select from public.memberships m
    join public.profiles p on p.user_id = m.user_id
    where m.user_id = (select auth.uid()) and m.role = p_role and p.deactivated_at is null
  )
$$;

-- Researchers work with pseudonymous data only, so they do not see their colleagues' names.
create function app_private.sees_people() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select from public.memberships m
    join public.profiles p on p.user_id = m.user_id
    where m.user_id = (select auth.uid()) and p.deactivated_at is null
      and m.role in ('student_mentor', 'teacher', 'coordinator')
  )
$$;

create function app_private.is_demo_school(p_school_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((select s.is_demo from public.schools s where s.id = p_school_id), false)
$$;

revoke all on all functions in schema app_private from public;
grant execute on function app_private.my_school_id(), app_private.has_role(public.school_role),
  app_private.sees_people(), app_private.is_demo_school(uuid) to anon, authenticated, service_role;

alter table public.schools enable row level security;
alter table public.profiles enable row level security;
alter table public.memberships enable row level security;
alter table public.invites enable row level security;
alter table public.demo_personas enable row level security;

-- Grants: Supabase grants everything by default; take it back, then give each role what it needs.
revoke all on public.schools, public.profiles, public.memberships, public.invites, public.demo_personas
  from anon, authenticated;
grant select, update (name, time_zone) on public.schools to authenticated;
grant select, insert, update (display_name, preferred_languages, reading_preferences, deactivated_at)
  on public.profiles to authenticated;
grant select, insert, delete on public.memberships to authenticated;
grant select, insert, update (revoked_at) on public.invites to authenticated;
grant select on public.demo_personas to anon, authenticated;

-- schools
create policy "members read their school" on public.schools
  for select to authenticated using (id = (select app_private.my_school_id()));
create policy "coordinators update their school" on public.schools
  for update to authenticated
  using (id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator')))
  with check (id = (select app_private.my_school_id()));

-- profiles
create policy "people read profiles at their school" on public.profiles
  for select to authenticated using (
    user_id = (select auth.uid())
    or (school_id = (select app_private.my_school_id()) and (select app_private.sees_people()))
  );
create policy "coordinators add people to their school" on public.profiles
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator'))
  );
create policy "people update themselves, coordinators their school" on public.profiles
  for update to authenticated using (
    (user_id = (select auth.uid()) and deactivated_at is null)
    or (school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator')))
  ) with check (school_id = (select app_private.my_school_id()) or user_id = (select auth.uid()));

-- Only a coordinator may (de)activate, and never themselves: a school must keep a coordinator.
create function app_private.guard_profile_update() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.deactivated_at is distinct from old.deactivated_at then
    if not (select app_private.has_role('coordinator')) or old.user_id = (select auth.uid()) then
      raise exception using errcode = 'PT403', message = 'people.cannot_deactivate', hint = 'people.cannot_deactivate';
    end if;
  end if;
  return new;
end;
$$;
create trigger profiles_guard before update on public.profiles
  for each row when (current_user in ('authenticated', 'anon'))
  execute function app_private.guard_profile_update();

-- memberships
create policy "people read memberships at their school" on public.memberships
  for select to authenticated using (
    user_id = (select auth.uid())
    or (school_id = (select app_private.my_school_id()) and (select app_private.sees_people()))
  );
create policy "coordinators grant roles at their school" on public.memberships
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator'))
    and exists (select from public.profiles p where p.user_id = memberships.user_id and p.school_id = memberships.school_id)
  );
create policy "coordinators remove roles at their school" on public.memberships
  for delete to authenticated using (
    school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator'))
  );

-- invites
create policy "coordinators read their school's invites" on public.invites
  for select to authenticated using (
    school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator'))
  );
create policy "coordinators invite to their school" on public.invites
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator'))
  );
create policy "coordinators revoke their school's invites" on public.invites
  for update to authenticated
  using (school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator')))
  with check (school_id = (select app_private.my_school_id()));

-- demo_personas: public by design, and only for a demo school.
create policy "anyone reads demo personas of a demo school" on public.demo_personas
  for select to anon, authenticated using ((select app_private.is_demo_school(school_id)));
