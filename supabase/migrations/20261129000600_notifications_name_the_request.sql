-- Two notifications of one kind about one tool (two Flip requests taken the same morning) read the
-- same, so their links could not be told apart. Each now carries its request's subject (the
-- teacher's short title, e.g. "Reading, grade 7"; never the private words), read under the
-- caller's own row level security like the tool's name beside it.
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
        'subject', (select r.subject || ', ' || r.grade from public.help_requests r where r.id = n.request_id),
        'title', (select v.title from public.walkthroughs w join public.walkthrough_versions v
                  on v.walkthrough_id = w.id and v.language = w.original_language where w.id = n.walkthrough_id))
        order by n.id desc)
      from (select * from public.notifications x where x.user_id = (select auth.uid()) order by x.id desc limit 50) n), '[]'));
end;
$$;
