-- Sign-in limits that hold under a burst (issue 10, point 8). Before, begin_sign_in only counted
-- past failures and finish_sign_in recorded the try after the password was checked, so every
-- request of a burst passed the check: 40 simultaneous wrong passwords got 15 checks on one server
-- and all of them on two. Now begin_sign_in records the try as a failure in the same transaction
-- that checks the limits, under a lock per account and per address, so the sixth try of a burst
-- already sees the five before it, whichever server sent it. finish_sign_in then marks that one
-- try as a success when the password was right.

create or replace function local_auth.begin_sign_in(
  p_email text, p_address text,
  p_account_limit int, p_address_limit int, p_window_seconds int
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_account text := lower(p_email);
  v_since timestamptz := now() - make_interval(secs => p_window_seconds);
  v_account_failures int;
  v_address_failures int;
  v_oldest timestamptz;
  v_attempt bigint;
  v_user auth.users%rowtype;
begin
  -- One try at a time per account, then per address (always in this order: no deadlock). The
  -- locks last until this statement's transaction commits, and every query below takes a fresh
  -- snapshot, so it sees the tries committed by whoever held the lock before.
  perform pg_advisory_xact_lock(7401, hashtext(v_account));
  perform pg_advisory_xact_lock(7402, hashtext(p_address));

  -- Failures since the last success count against an account; a school shares one address,
  -- so the address limit is much higher. A try still being checked counts as a failure.
  select count(*), min(attempted_at) into v_account_failures, v_oldest
  from local_auth.sign_in_attempts a
  where a.account = v_account and a.attempted_at > v_since and not a.succeeded
    and a.attempted_at > coalesce((select max(s.attempted_at) from local_auth.sign_in_attempts s
      where s.account = v_account and s.succeeded), '-infinity');
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

  -- Counted before the password is checked; clock_timestamp() keeps tries of one transaction apart.
  insert into local_auth.sign_in_attempts (account, address, succeeded, attempted_at)
  values (v_account, p_address, false, clock_timestamp())
  returning id into v_attempt;

  select * into v_user from auth.users u where u.email = v_account;
  if not found then
    return jsonb_build_object('attempt_id', v_attempt, 'user_id', null, 'password_hash', null);
  end if;
  -- Whether the account is switched off is only acted on after the password was checked.
  return jsonb_build_object('attempt_id', v_attempt, 'user_id', v_user.id, 'password_hash', v_user.encrypted_password,
    'inactive', v_user.banned_until is not null and v_user.banned_until > now());
end;
$$;

-- The try was already counted by begin_sign_in; a right password turns it into a success and
-- starts the session.
drop function if exists local_auth.finish_sign_in(text, text, uuid, text, int);
create function local_auth.finish_sign_in(
  p_attempt_id bigint, p_user_id uuid, p_token_hash text, p_ttl_seconds int
) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if p_token_hash is not null then
    update local_auth.sign_in_attempts set succeeded = true, attempted_at = clock_timestamp()
    where id = p_attempt_id;
    insert into auth.sessions (user_id, token_hash, not_after)
    values (p_user_id, p_token_hash, now() + make_interval(secs => p_ttl_seconds));
    update auth.users set last_sign_in_at = now() where id = p_user_id;
  end if;
  -- Keep the table small: old attempts no longer count for anything.
  delete from local_auth.sign_in_attempts where attempted_at < now() - interval '1 day';
end;
$$;

revoke all on all functions in schema local_auth from public;
grant execute on all functions in schema local_auth to service_role;
