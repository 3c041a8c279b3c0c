-- Local accounts for the embedded and postgres modes: what Supabase Auth (GoTrue) does there.
-- Only the server's auth module calls these, as service_role; passwords are hashed in Node
-- (argon2id) and only the hash reaches the database. Session cookies are stored as SHA-256.

create schema if not exists local_auth;
revoke all on schema local_auth from public;
grant usage on schema local_auth to service_role;

create table if not exists local_auth.sign_in_attempts (
  id bigint generated always as identity primary key,
  account text not null,
  address text not null,
  succeeded boolean not null,
  attempted_at timestamptz not null default now()
);
create index if not exists sign_in_attempts_account_idx on local_auth.sign_in_attempts (account, attempted_at);
create index if not exists sign_in_attempts_address_idx on local_auth.sign_in_attempts (address, attempted_at);

-- Limits are arguments so tests can use small ones; the server passes its configured values.
-- Returns the stored hash only when the caller is allowed to try.
create or replace function local_auth.begin_sign_in(
  p_email text, p_address text,
  p_account_limit int, p_address_limit int, p_window_seconds int
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_since timestamptz := now() - make_interval(secs => p_window_seconds);
  v_account_failures int;
  v_address_failures int;
  v_oldest timestamptz;
  v_user auth.users%rowtype;
begin
  -- Failures since the last success count against an account; a school shares one address,
  -- so the address limit is much higher.
  select count(*), min(attempted_at) into v_account_failures, v_oldest
  from local_auth.sign_in_attempts a
  where a.account = lower(p_email) and a.attempted_at > v_since and not a.succeeded
    and a.attempted_at > coalesce((select max(s.attempted_at) from local_auth.sign_in_attempts s
      where s.account = lower(p_email) and s.succeeded), '-infinity');
  if v_account_failures >= p_account_limit then
    return jsonb_build_object('retry_after_seconds',
      greatest(1, ceil(extract(epoch from v_oldest + make_interval(secs => p_window_seconds) - now()))));
  end if;

  select count(*), min(attempted_at) into v_address_failures, v_oldest
  from local_auth.sign_in_attempts a
  where a.address = p_address and a.attempted_at > v_since and not a.succeeded;
  if v_address_failures >= p_address_limit then
    return jsonb_build_object('retry_after_seconds',
      greatest(1, ceil(extract(epoch from v_oldest + make_interval(secs => p_window_seconds) - now()))));
  end if;

  select * into v_user from auth.users u where u.email = lower(p_email);
  if not found then
    return jsonb_build_object('user_id', null, 'password_hash', null);
  end if;
  -- Whether the account is switched off is only acted on after the password was checked.
  return jsonb_build_object('user_id', v_user.id, 'password_hash', v_user.encrypted_password,
    'inactive', v_user.banned_until is not null and v_user.banned_until > now());
end;
$$;

create or replace function local_auth.finish_sign_in(
  p_email text, p_address text, p_user_id uuid, p_token_hash text, p_ttl_seconds int
) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  insert into local_auth.sign_in_attempts (account, address, succeeded)
  values (lower(p_email), p_address, p_token_hash is not null);
  if p_token_hash is not null then
    insert into auth.sessions (user_id, token_hash, not_after)
    values (p_user_id, p_token_hash, now() + make_interval(secs => p_ttl_seconds));
    update auth.users set last_sign_in_at = now() where id = p_user_id;
  end if;
  -- Keep the table small: old attempts no longer count for anything.
  delete from local_auth.sign_in_attempts where attempted_at < now() - interval '1 day';
end;
$$;

create or replace function local_auth.start_session(p_user_id uuid, p_token_hash text, p_ttl_seconds int)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (select from auth.users u where u.id = p_user_id
             and (u.banned_until is null or u.banned_until <= now())) then
    insert into auth.sessions (user_id, token_hash, not_after)
    values (p_user_id, p_token_hash, now() + make_interval(secs => p_ttl_seconds));
  else
    raise exception using errcode = 'PT401', message = 'auth.account_inactive', hint = 'auth.account_inactive';
  end if;
end;
$$;

-- The claims a session cookie stands for, or null: the local equivalent of verifying a JWT.
create or replace function local_auth.session_claims(p_token_hash text) returns text
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('sub', s.user_id, 'role', 'authenticated', 'session_id', s.id)::text
  from auth.sessions s
  join auth.users u on u.id = s.user_id
  where s.token_hash = p_token_hash
    and (s.not_after is null or s.not_after > now())
    and (u.banned_until is null or u.banned_until <= now())
$$;

create or replace function local_auth.end_session(p_token_hash text) returns void
language sql security definer set search_path = ''
as $$
  delete from auth.sessions where token_hash = p_token_hash
$$;

revoke all on all functions in schema local_auth from public;
grant execute on all functions in schema local_auth to service_role;
