-- The people page pages and searches on the server: a school can have thousands of students, and
-- a Chromebook should not receive them all at once.

drop function api.school_people();

create function api.school_people(p_query text default null, p_page int default 1, p_user_id uuid default null)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_school uuid := app_private.require_coordinator();
  v_size constant int := 50;
  v_page int := greatest(1, least(coalesce(p_page, 1), 10000));
  v_pattern text := '%' || replace(replace(replace(lower(btrim(coalesce(p_query, ''))), '\', '\\'), '%', '\%'), '_', '\_') || '%';
begin
  return jsonb_build_object(
    'me', app_private.me_json(),
    'page', v_page,
    'page_size', v_size,
    'total', (select count(*) from public.profiles p where p.school_id = v_school
              and (lower(p.display_name) like v_pattern or coalesce(p.username, '') like v_pattern)
              and (p_user_id is null or p.user_id = p_user_id)),
    'people', coalesce((
      select jsonb_agg(x.person order by x.inactive, x.sort_name)
      from (
        select p.deactivated_at is not null as inactive, lower(p.display_name) as sort_name,
          jsonb_build_object(
            'user_id', p.user_id,
            'display_name', p.display_name,
            'username', p.username,
            'preferred_languages', to_jsonb(p.preferred_languages),
            'deactivated', p.deactivated_at is not null,
            'roles', (select coalesce(jsonb_agg(m.role order by m.role), '[]') from public.memberships m where m.user_id = p.user_id)
          ) as person
        from public.profiles p
        where p.school_id = v_school
          and (lower(p.display_name) like v_pattern or coalesce(p.username, '') like v_pattern)
          and (p_user_id is null or p.user_id = p_user_id)
        order by p.deactivated_at is not null, lower(p.display_name), p.user_id
        limit v_size offset (v_page - 1) * v_size
      ) x), '[]'),
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
revoke all on function api.school_people(text, int, uuid) from public;
grant execute on function api.school_people(text, int, uuid) to anon, authenticated;

create index profiles_school_name_idx on public.profiles (school_id, (deactivated_at is not null), lower(display_name));
