-- The data API for schools and people. Every api function is security invoker (RLS applies to
-- the caller) and returns jsonb. Errors raise SQLSTATE PTnnn with an i18n key as message and hint.
-- The few steps that must touch auth.users go through app_private helpers that check the caller.

-- Who is calling, as the shell needs it on every page.
create function app_private.me_json() returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'user_id', p.user_id,
    'display_name', p.display_name,
    'username', p.username,
    'preferred_languages', to_jsonb(p.preferred_languages),
    'reading_preferences', p.reading_preferences,
    'roles', coalesce((select jsonb_agg(m.role order by m.role) from public.memberships m where m.user_id = p.user_id), '[]'),
    'school', jsonb_build_object('id', s.id, 'name', s.name, 'code', s.code, 'time_zone', s.time_zone, 'is_demo', s.is_demo)
  )
  from public.profiles p
  join public.schools s on s.id = p.school_id
  where p.user_id = (select auth.uid()) and p.deactivated_at is null
$$;

create function app_private.require_me() returns jsonb
language plpgsql stable set search_path = ''
as $$
declare v jsonb;
begin
  -- Signed-out callers cannot even read profiles: answer "sign in" before trying.
  if (select auth.uid()) is null then
    raise exception using errcode = 'PT401', message = 'auth.required', hint = 'auth.required';
  end if;
  v := app_private.me_json();
  if v is null then
    raise exception using errcode = 'PT401', message = 'auth.required', hint = 'auth.required';
  end if;
  return v;
end;
$$;

create function app_private.require_coordinator() returns uuid
language plpgsql stable set search_path = ''
as $$
begin
  perform app_private.require_me();
  if not (select app_private.has_role('coordinator')) then
    raise exception using errcode = 'PT403', message = 'auth.forbidden', hint = 'auth.forbidden';
  end if;
  return app_private.my_school_id();
end;
$$;

grant execute on function app_private.me_json(), app_private.require_me(), app_private.require_coordinator()
  to anon, authenticated;

create function api.me() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    return null;
  end if;
  return app_private.me_json();
end;
$$;

-- The home page: what needs this person's attention, by role. Later features add their parts.
create function api.home() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  v_school uuid := (v_me -> 'school' ->> 'id')::uuid;
  v_coordinator jsonb;
begin
  if (select app_private.has_role('coordinator')) then
    select jsonb_build_object(
      'students', (select count(*) from public.memberships m join public.profiles p using (user_id)
                   where m.school_id = v_school and m.role = 'student_mentor' and p.deactivated_at is null),
      'adults', (select count(distinct m.user_id) from public.memberships m join public.profiles p using (user_id)
                 where m.school_id = v_school and m.role <> 'student_mentor' and p.deactivated_at is null),
      'deactivated', (select count(*) from public.profiles p where p.school_id = v_school and p.deactivated_at is not null),
      'open_invites', (select count(*) from public.invites i where i.school_id = v_school
                       and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()),
      'expiring_invites', (select count(*) from public.invites i where i.school_id = v_school
                       and i.accepted_at is null and i.revoked_at is null
                       and i.expires_at > now() and i.expires_at < now() + interval '2 days')
    ) into v_coordinator;
  end if;
  return jsonb_build_object('me', v_me, 'coordinator', v_coordinator);
end;
$$;

-- Names and roles of a demo persona, and nothing else, for the public demo page.
create function app_private.demo_persona(p_user_id uuid)
returns table (display_name text, roles jsonb, languages jsonb)
language sql stable security definer set search_path = ''
as $$
  select p.display_name,
         coalesce((select jsonb_agg(m.role order by m.role) from public.memberships m where m.user_id = p.user_id), '[]'),
         to_jsonb(p.preferred_languages)
  from public.profiles p
  join public.demo_personas d on d.user_id = p.user_id
  join public.schools s on s.id = d.school_id and s.is_demo
  where p.user_id = p_user_id
$$;
revoke all on function app_private.demo_persona(uuid) from public;
grant execute on function app_private.demo_persona(uuid) to anon, authenticated;

create function api.demo_accounts() returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'user_id', d.user_id,
    'display_name', a.display_name,
    'roles', a.roles,
    'languages', a.languages
  ) order by d.sort_order), '[]')
  from public.demo_personas d
  cross join lateral app_private.demo_persona(d.user_id) a
$$;

-- The coordinator's people page.
create function api.school_people() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare v_school uuid := app_private.require_coordinator();
begin
  return jsonb_build_object(
    'me', app_private.me_json(),
    'people', coalesce((
      select jsonb_agg(jsonb_build_object(
        'user_id', p.user_id,
        'display_name', p.display_name,
        'username', p.username,
        'preferred_languages', to_jsonb(p.preferred_languages),
        'deactivated', p.deactivated_at is not null,
        'roles', (select coalesce(jsonb_agg(m.role order by m.role), '[]') from public.memberships m where m.user_id = p.user_id)
      ) order by p.deactivated_at is not null, lower(p.display_name))
      from public.profiles p where p.school_id = v_school), '[]'),
    'invites', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', i.id, 'email', i.email, 'role', i.role, 'expires_at', i.expires_at,
        'status', case when i.accepted_at is not null then 'accepted'
                       when i.revoked_at is not null then 'revoked'
                       when i.expires_at <= now() then 'expired' else 'open' end
      ) order by i.created_at desc)
      from public.invites i where i.school_id = v_school), '[]')
  );
end;
$$;

-- Creating a login is the one step RLS cannot express: it writes auth.users. This helper checks
-- the caller itself. In Supabase mode the user already exists (made through the Auth admin API)
-- and is only claimed here, and only while it belongs to nobody.
create function app_private.provision_user(p_email text, p_password_hash text, p_user_id uuid)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare v_id uuid;
begin
  if not (select app_private.has_role('coordinator')) then
    raise exception using errcode = 'PT403', message = 'auth.forbidden', hint = 'auth.forbidden';
  end if;
  if p_user_id is not null then
    if not exists (select from auth.users u where u.id = p_user_id and lower(u.email) = lower(p_email))
       or exists (select from public.profiles p where p.user_id = p_user_id) then
      raise exception using errcode = 'PT409', message = 'people.account_taken', hint = 'people.account_taken';
    end if;
    return p_user_id;
  end if;
  if exists (select from auth.users u where lower(u.email) = lower(p_email)) then
    raise exception using errcode = 'PT409', message = 'people.account_taken', hint = 'people.account_taken';
  end if;
  insert into auth.users (email, encrypted_password, email_confirmed_at, aud, role)
  values (lower(p_email), p_password_hash, now(), 'authenticated', 'authenticated')
  returning id into v_id;
  return v_id;
end;
$$;

create function app_private.set_password_hash(p_user_id uuid, p_password_hash text) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (select from public.profiles p where p.user_id = p_user_id
                 and p.school_id = (select app_private.my_school_id()))
     or not (select app_private.has_role('coordinator')) then
    raise exception using errcode = 'PT403', message = 'auth.forbidden', hint = 'auth.forbidden';
  end if;
  if p_password_hash is not null then
    update auth.users set encrypted_password = p_password_hash, updated_at = now() where id = p_user_id;
  end if;
  delete from auth.sessions where user_id = p_user_id;
end;
$$;

-- Sign out everywhere (for the caller), and the cut-off when a coordinator deactivates someone.
create function app_private.end_sessions(p_user_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if p_user_id is distinct from (select auth.uid()) and not exists (
    select from public.profiles p where p.user_id = p_user_id
      and p.school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator'))
  ) then
    raise exception using errcode = 'PT403', message = 'auth.forbidden', hint = 'auth.forbidden';
  end if;
  delete from auth.sessions where user_id = p_user_id;
end;
$$;

-- A switched-off account cannot sign in again (Supabase Auth honours banned_until too).
create function app_private.set_sign_in_allowed(p_user_id uuid, p_allowed boolean) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (
    select from public.profiles p where p.user_id = p_user_id and p.user_id <> (select auth.uid())
      and p.school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator'))
  ) then
    raise exception using errcode = 'PT403', message = 'auth.forbidden', hint = 'auth.forbidden';
  end if;
  update auth.users set banned_until = case when p_allowed then null else 'infinity'::timestamptz end
  where id = p_user_id;
  if not p_allowed then
    delete from auth.sessions where user_id = p_user_id;
  end if;
end;
$$;
revoke all on function app_private.set_sign_in_allowed(uuid, boolean) from public;
grant execute on function app_private.set_sign_in_allowed(uuid, boolean) to authenticated;

revoke all on function app_private.provision_user(text, text, uuid), app_private.set_password_hash(uuid, text),
  app_private.end_sessions(uuid) from public;
grant execute on function app_private.provision_user(text, text, uuid), app_private.set_password_hash(uuid, text),
  app_private.end_sessions(uuid) to authenticated;

-- Students have no email; their login is username@<school code>.students.invalid (RFC 2606).
create function app_private.student_email(p_school_code text, p_username text) returns text
language sql immutable set search_path = ''
as $$ select lower(p_username) || '@' || lower(p_school_code) || '.students.invalid' $$;
grant execute on function app_private.student_email(text, text) to anon, authenticated, service_role;

create function api.create_student(
  p_username text, p_display_name text, p_languages text[],
  p_password_hash text default null, p_user_id uuid default null
) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_school uuid := app_private.require_coordinator();
  v_code text := (select s.code from public.schools s where s.id = v_school);
  v_id uuid;
begin
  if exists (select from public.profiles p where p.school_id = v_school and p.username = lower(p_username)) then
    raise exception using errcode = 'PT409', message = 'people.username_taken', hint = 'people.username_taken';
  end if;
  v_id := app_private.provision_user(app_private.student_email(v_code, p_username), p_password_hash, p_user_id);
  insert into public.profiles (user_id, school_id, display_name, username, preferred_languages)
  values (v_id, v_school, btrim(p_display_name), lower(p_username), coalesce(p_languages, '{en}'));
  insert into public.memberships (user_id, school_id, role) values (v_id, v_school, 'student_mentor');
  return jsonb_build_object('user_id', v_id, 'username', lower(p_username));
end;
$$;

create function api.reset_student_password(p_user_id uuid, p_password_hash text default null) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
begin
  perform app_private.require_coordinator();
  if not exists (select from public.memberships m where m.user_id = p_user_id and m.role = 'student_mentor') then
    raise exception using errcode = 'PT404', message = 'people.not_found', hint = 'people.not_found';
  end if;
  perform app_private.set_password_hash(p_user_id, p_password_hash);
  return jsonb_build_object('user_id', p_user_id);
end;
$$;

create function api.set_person_active(p_user_id uuid, p_active boolean) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare v_school uuid := app_private.require_coordinator();
begin
  update public.profiles set deactivated_at = case when p_active then null else now() end
  where user_id = p_user_id and school_id = v_school;
  if not found then
    raise exception using errcode = 'PT404', message = 'people.not_found', hint = 'people.not_found';
  end if;
  perform app_private.set_sign_in_allowed(p_user_id, p_active);
  return jsonb_build_object('user_id', p_user_id, 'active', p_active);
end;
$$;

create function api.sign_out_everywhere() returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare v_me jsonb := app_private.require_me();
begin
  perform app_private.end_sessions((v_me ->> 'user_id')::uuid);
  return jsonb_build_object('ok', true);
end;
$$;

create function api.create_invite(p_email text, p_role public.school_role, p_token_hash text, p_valid_days int default 7)
returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_school uuid := app_private.require_coordinator();
  v_invite public.invites;
begin
  if p_valid_days not between 1 and 30 then
    raise exception using errcode = 'PT400', message = 'invite.bad_validity', hint = 'invite.bad_validity';
  end if;
  insert into public.invites (school_id, email, role, token_hash, expires_at, created_by)
  values (v_school, lower(btrim(p_email)), p_role, p_token_hash, now() + make_interval(days => p_valid_days), (select auth.uid()))
  returning * into v_invite;
  return jsonb_build_object('id', v_invite.id, 'expires_at', v_invite.expires_at);
end;
$$;

create function api.revoke_invite(p_invite_id uuid) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
begin
  perform app_private.require_coordinator();
  update public.invites set revoked_at = now()
  where id = p_invite_id and accepted_at is null and revoked_at is null;
  if not found then
    raise exception using errcode = 'PT404', message = 'invite.not_found', hint = 'invite.not_found';
  end if;
  return jsonb_build_object('id', p_invite_id);
end;
$$;

-- Anyone holding the link may look at it and accept it once. The token is the credential,
-- so these helpers find the invite by its hash instead of through RLS.
create function app_private.invite_by_token(p_token_hash text)
returns table (id uuid, school_name text, email text, role public.school_role, usable boolean)
language sql stable security definer set search_path = ''
as $$
  select i.id, s.name, i.email, i.role,
         i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
  from public.invites i join public.schools s on s.id = i.school_id
  where i.token_hash = p_token_hash
$$;

create function app_private.accept_invite(p_token_hash text, p_display_name text, p_password_hash text, p_user_id uuid)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_invite public.invites;
  v_id uuid;
begin
  select * into v_invite from public.invites i where i.token_hash = p_token_hash for update;
  if not found or v_invite.revoked_at is not null then
    raise exception using errcode = 'PT404', message = 'invite.not_found', hint = 'invite.not_found';
  end if;
  if v_invite.accepted_at is not null then
    raise exception using errcode = 'PT409', message = 'invite.used', hint = 'invite.used';
  end if;
  if v_invite.expires_at <= now() then
    raise exception using errcode = 'PT410', message = 'invite.expired', hint = 'invite.expired';
  end if;
  if p_user_id is not null then
    if not exists (select from auth.users u where u.id = p_user_id and lower(u.email) = v_invite.email)
       or exists (select from public.profiles p where p.user_id = p_user_id) then
      raise exception using errcode = 'PT409', message = 'people.account_taken', hint = 'people.account_taken';
    end if;
    v_id := p_user_id;
  else
    if exists (select from auth.users u where lower(u.email) = v_invite.email) then
      raise exception using errcode = 'PT409', message = 'people.account_taken', hint = 'people.account_taken';
    end if;
    insert into auth.users (email, encrypted_password, email_confirmed_at, aud, role)
    values (v_invite.email, p_password_hash, now(), 'authenticated', 'authenticated') returning id into v_id;
  end if;
  insert into public.profiles (user_id, school_id, display_name) values (v_id, v_invite.school_id, btrim(p_display_name));
  insert into public.memberships (user_id, school_id, role) values (v_id, v_invite.school_id, v_invite.role);
  update public.invites set accepted_at = now() where id = v_invite.id;
  return v_id;
end;
$$;
revoke all on function app_private.invite_by_token(text), app_private.accept_invite(text, text, text, uuid) from public;
grant execute on function app_private.invite_by_token(text), app_private.accept_invite(text, text, text, uuid) to anon, authenticated;

create function api.invite_preview(p_token_hash text) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare v record;
begin
  select * into v from app_private.invite_by_token(p_token_hash);
  if not found then
    raise exception using errcode = 'PT404', message = 'invite.not_found', hint = 'invite.not_found';
  end if;
  return jsonb_build_object('school_name', v.school_name, 'email', v.email, 'role', v.role, 'usable', v.usable);
end;
$$;

create function api.accept_invite(p_token_hash text, p_display_name text, p_password_hash text default null, p_user_id uuid default null)
returns jsonb
language plpgsql security invoker set search_path = ''
as $$
begin
  return jsonb_build_object('user_id', app_private.accept_invite(p_token_hash, p_display_name, p_password_hash, p_user_id));
end;
$$;

create function api.update_my_profile(p_display_name text, p_languages text[]) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare v_me jsonb := app_private.require_me();
begin
  update public.profiles set display_name = btrim(p_display_name), preferred_languages = p_languages
  where user_id = (v_me ->> 'user_id')::uuid;
  return app_private.me_json();
end;
$$;

create function api.save_reading_preferences(p_preferences jsonb) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare v_me jsonb := app_private.require_me();
begin
  update public.profiles set reading_preferences = p_preferences
  where user_id = (v_me ->> 'user_id')::uuid;
  return jsonb_build_object('reading_preferences', p_preferences);
end;
$$;

-- First run without demo data: make the school and its first coordinator, once, with the
-- one-time setup code the server printed.
create table app_private.setup_codes (
  code_hash text primary key,
  created_at timestamptz not null default now()
);
alter table app_private.setup_codes enable row level security;
revoke all on app_private.setup_codes from public, anon, authenticated;

create function app_private.setup_school(
  p_code_hash text, p_school_name text, p_school_code text, p_time_zone text,
  p_display_name text, p_email text, p_password_hash text, p_user_id uuid
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare v_school uuid; v_id uuid;
begin
  if exists (select from public.schools) then
    raise exception using errcode = 'PT409', message = 'setup.already_done', hint = 'setup.already_done';
  end if;
  if not exists (select from app_private.setup_codes c where c.code_hash = p_code_hash) then
    raise exception using errcode = 'PT403', message = 'setup.bad_code', hint = 'setup.bad_code';
  end if;
  if not exists (select from pg_timezone_names where name = p_time_zone) then
    raise exception using errcode = 'PT400', message = 'setup.bad_time_zone', hint = 'setup.bad_time_zone';
  end if;
  insert into public.schools (name, code, time_zone) values (btrim(p_school_name), lower(p_school_code), p_time_zone)
  returning id into v_school;
  if p_user_id is null then
    insert into auth.users (email, encrypted_password, email_confirmed_at, aud, role)
    values (lower(btrim(p_email)), p_password_hash, now(), 'authenticated', 'authenticated') returning id into v_id;
  else
    v_id := p_user_id;
  end if;
  insert into public.profiles (user_id, school_id, display_name) values (v_id, v_school, btrim(p_display_name));
  insert into public.memberships (user_id, school_id, role) values (v_id, v_school, 'coordinator');
  delete from app_private.setup_codes;
  return v_id;
end;
$$;

create function app_private.needs_setup() returns boolean
language sql stable security definer set search_path = ''
as $$ select not exists (select from public.schools) $$;

-- Called by the server (as service_role) at start-up when no school exists.
create function app_private.issue_setup_code(p_code_hash text) returns void
language sql security definer set search_path = ''
as $$
  delete from app_private.setup_codes;
  insert into app_private.setup_codes (code_hash) values (p_code_hash);
$$;

revoke all on function app_private.setup_school(text, text, text, text, text, text, text, uuid),
  app_private.needs_setup(), app_private.issue_setup_code(text) from public;
grant execute on function app_private.setup_school(text, text, text, text, text, text, text, uuid),
  app_private.needs_setup() to anon, authenticated;
grant execute on function app_private.issue_setup_code(text) to service_role;

create function api.setup_status() returns jsonb
language sql stable security invoker set search_path = ''
as $$ select jsonb_build_object('needs_setup', app_private.needs_setup()) $$;

create function api.setup_school(
  p_code_hash text, p_school_name text, p_school_code text, p_time_zone text,
  p_display_name text, p_email text, p_password_hash text default null, p_user_id uuid default null
) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
begin
  return jsonb_build_object('user_id', app_private.setup_school(
    p_code_hash, p_school_name, p_school_code, p_time_zone, p_display_name, p_email, p_password_hash, p_user_id));
end;
$$;

-- Postgres lets PUBLIC execute new functions; take that back and grant by name. Signed-out
-- callers may call them all: each one checks who is calling and answers PT401 ("please sign in")
-- rather than a bare permission error, and RLS still decides what anyone sees.
revoke all on all functions in schema api from public, anon, authenticated;
grant execute on function api.me(), api.demo_accounts(), api.invite_preview(text),
  api.accept_invite(text, text, text, uuid), api.setup_status(),
  api.setup_school(text, text, text, text, text, text, text, uuid),
  api.home(), api.school_people(), api.create_student(text, text, text[], text, uuid),
  api.reset_student_password(uuid, text), api.set_person_active(uuid, boolean), api.sign_out_everywhere(),
  api.create_invite(text, public.school_role, text, int), api.revoke_invite(uuid),
  api.update_my_profile(text, text[]), api.save_reading_preferences(jsonb) to anon, authenticated;
