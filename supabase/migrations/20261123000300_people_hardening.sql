-- Closes gaps the pgTAP suite found in the people rules:
-- a coordinator could drop their own coordinator role (a school must keep one), give a student
-- an adult role, reset an adult's password through the helper, create logins with any email,
-- or record an invite as sent by someone else.

drop policy "coordinators remove roles at their school" on public.memberships;
create policy "coordinators remove roles at their school" on public.memberships
  for delete to authenticated using (
    school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator'))
    and not (user_id = (select auth.uid()) and role = 'coordinator')
  );

-- Students (who sign in with a username) hold only the student role; adults never hold it.
drop policy "coordinators grant roles at their school" on public.memberships;
create policy "coordinators grant roles at their school" on public.memberships
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator'))
    and exists (
      select from public.profiles p
      where p.user_id = memberships.user_id and p.school_id = memberships.school_id
        and (p.username is not null) = (memberships.role = 'student_mentor')
    )
  );

drop policy "coordinators invite to their school" on public.invites;
create policy "coordinators invite to their school" on public.invites
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and (select app_private.has_role('coordinator'))
    and created_by = (select auth.uid())
  );

create or replace function app_private.set_password_hash(p_user_id uuid, p_password_hash text) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  -- Adults reset their own passwords; a coordinator resets only students'.
  if not exists (select from public.profiles p
                 join public.memberships m on m.user_id = p.user_id and m.role = 'student_mentor'
                 where p.user_id = p_user_id and p.school_id = (select app_private.my_school_id()))
     or not (select app_private.has_role('coordinator')) then
    raise exception using errcode = 'PT403', message = 'auth.forbidden', hint = 'auth.forbidden';
  end if;
  if p_password_hash is not null then
    update auth.users set encrypted_password = p_password_hash, updated_at = now() where id = p_user_id;
  end if;
  delete from auth.sessions where user_id = p_user_id;
end;
$$;

create or replace function app_private.provision_user(p_email text, p_password_hash text, p_user_id uuid)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare v_id uuid;
begin
  -- Only student logins are made this way; adults join through their own invite.
  if not (select app_private.has_role('coordinator'))
     or lower(p_email) not like ('%@' || (select s.code from public.schools s where s.id = (select app_private.my_school_id())) || '.students.invalid') then
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
