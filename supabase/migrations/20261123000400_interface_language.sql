-- The interface language a person chose, so it follows them to any Chromebook they sign in on.

alter table public.profiles
  add column interface_language text check (interface_language in ('en', 'es', 'ar', 'vi', 'zh'));
grant update (interface_language) on public.profiles to authenticated;

create or replace function app_private.me_json() returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'user_id', p.user_id,
    'display_name', p.display_name,
    'username', p.username,
    'preferred_languages', to_jsonb(p.preferred_languages),
    'interface_language', p.interface_language,
    'reading_preferences', p.reading_preferences,
    'roles', coalesce((select jsonb_agg(m.role order by m.role) from public.memberships m where m.user_id = p.user_id), '[]'),
    'school', jsonb_build_object('id', s.id, 'name', s.name, 'code', s.code, 'time_zone', s.time_zone, 'is_demo', s.is_demo)
  )
  from public.profiles p
  join public.schools s on s.id = p.school_id
  where p.user_id = (select auth.uid()) and p.deactivated_at is null
$$;

create function api.set_interface_language(p_locale text) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare v_me jsonb := app_private.require_me();
begin
  update public.profiles set interface_language = p_locale where user_id = (v_me ->> 'user_id')::uuid;
  return jsonb_build_object('interface_language', p_locale);
end;
$$;
revoke all on function api.set_interface_language(text) from public;
grant execute on function api.set_interface_language(text) to anon, authenticated;
