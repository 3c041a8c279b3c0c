-- Home pages lead with each person's next steps (issue 10, point 10). A card now says whose turn
-- it is: who is looking at it (teacher, mentor or partner, so a card does not repeat the
-- viewer's own name), the time waiting for an answer, and where a scheduled session takes place.
-- Home adds the guides waiting for review (the coordinator's and a named teacher reviewer's
-- task) and the author's guides sent back with changes. Everything is read under the caller's
-- RLS: proposals are visible only to the people in the request and the coordinator, drafts only
-- to their authors, the coordinator and the reviewer named while it is in review.

create or replace function app_private.request_cards(p_requests public.help_requests[]) returns jsonb
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
    'goal', (select d.goal from public.help_request_details d where d.request_id = r.id),
    'viewer', case (select auth.uid()) when r.teacher_id then 'teacher' when r.claimed_by then 'mentor'
                when r.partner_id then 'partner' end,
    -- The newest time still waiting for an answer, and whether the teacher suggested it.
    'proposal', (select jsonb_build_object('starts_at', p.starts_at, 'place', p.place, 'by_teacher', p.proposed_by = r.teacher_id)
                 from public.session_proposals p where p.request_id = r.id and p.status = 'pending'
                 order by p.created_at desc limit 1),
    'place', case when r.status in ('scheduled', 'done') then
               (select p.place from public.session_proposals p where p.request_id = r.id and p.status = 'accepted'
                order by p.answered_at desc nulls last limit 1) end
  ) order by r.ordinality), '[]')
  from unnest(p_requests) with ordinality as r
$$;

-- A walkthrough as a line in a task list: its title in the language it was written in.
create function app_private.guide_items(p_walkthroughs public.walkthroughs[]) returns jsonb
language sql stable set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('id', w.id, 'status', w.status,
    'title', (select nullif(v.title, '') from public.walkthrough_versions v where v.walkthrough_id = w.id and v.language = w.original_language),
    'language', w.original_language,
    'tool', (select t.name from public.tools t where t.id = w.tool_id)) order by w.ordinality), '[]')
  from unnest(p_walkthroughs) with ordinality as w
$$;
revoke all on function app_private.guide_items(public.walkthroughs[]) from public;
grant execute on function app_private.guide_items(public.walkthroughs[]) to authenticated;

-- Home: what needs each role's attention now. Counts stop at 100 so they cost the same in any school.
create or replace function api.home() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_me jsonb := app_private.require_me();
  v_school uuid := (v_me -> 'school' ->> 'id')::uuid;
  v_uid uuid := (select auth.uid());
  v_is_coordinator boolean := (select app_private.has_role('coordinator'));
  v_coordinator jsonb;
  v_mentor jsonb;
  v_teacher jsonb;
  v_guides jsonb;
begin
  if v_is_coordinator then
    -- Head counts are kept by triggers (20261124000900_faster_coordinator_pages.sql).
    select jsonb_build_object(
      'students', coalesce(c.students, 0),
      'adults', coalesce(c.adults, 0),
      'deactivated', coalesce(c.deactivated, 0),
      'open_invites', i.open,
      'expiring_invites', i.expiring,
      'unverified', (select count(*) from (select from public.session_logs l where l.school_id = v_school
                     and l.verified_at is null limit 100) x)
    ) into v_coordinator
    from (select count(*) as open, count(*) filter (where i.expires_at < now() + interval '2 days') as expiring
          from public.invites i where i.school_id = v_school
            and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()) i
    left join public.school_head_counts c on c.school_id = v_school;
  end if;
  if (select app_private.has_role('student_mentor')) then
    select jsonb_build_object(
      'open_requests', (select count(*) from (select from public.help_requests r
                        where r.school_id = v_school and r.status = 'open' limit 100) x),
      'mine', app_private.request_cards(array(select r from public.help_requests r
        where (r.claimed_by = v_uid or r.partner_id = v_uid) and r.status in ('claimed', 'scheduled', 'done')
        order by r.scheduled_at nulls last, r.created_at))
    ) into v_mentor;
  end if;
  if (select app_private.has_role('teacher')) then
    select jsonb_build_object(
      'active', app_private.request_cards(array(select r from public.help_requests r where r.teacher_id = v_uid
        and r.status in ('open', 'claimed', 'scheduled', 'done') order by r.created_at desc limit 10))
    ) into v_teacher;
  end if;
  -- Guides: the ones waiting for this person's review (the coordinator reviews any; a teacher the
  -- ones they were asked to), never their own; and their own guides sent back with changes.
  select jsonb_build_object(
    'to_review_count', (select count(*) from (select from public.walkthroughs w
        where w.school_id = v_school and w.status = 'in_review' and (v_is_coordinator or w.reviewer_id = v_uid)
          and not exists (select from public.walkthrough_authors a where a.walkthrough_id = w.id and a.user_id = v_uid)
        limit 100) x),
    'to_review', app_private.guide_items(array(select w from public.walkthroughs w
        where w.school_id = v_school and w.status = 'in_review' and (v_is_coordinator or w.reviewer_id = v_uid)
          and not exists (select from public.walkthrough_authors a where a.walkthrough_id = w.id and a.user_id = v_uid)
        order by w.submitted_at nulls last limit 5)),
    'to_fix', app_private.guide_items(array(select w from public.walkthroughs w
        join public.walkthrough_authors a on a.walkthrough_id = w.id and a.user_id = v_uid
        where w.status = 'changes_requested' order by w.updated_at desc limit 5))
  ) into v_guides;
  return jsonb_build_object('me', v_me, 'coordinator', v_coordinator, 'mentor', v_mentor, 'teacher', v_teacher,
    'guides', v_guides);
end;
$$;
