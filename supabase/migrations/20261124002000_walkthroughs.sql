-- Walkthroughs: step-by-step guides to the school's tools, written by mentors (and teachers or the
-- coordinator), in one version per language, reviewed, then published.
-- The working copy lives in walkthroughs, walkthrough_versions, walkthrough_steps and
-- walkthrough_step_texts; only its authors and the coordinator (and a teacher named to review it,
-- while it is in review) see it. Publishing freezes a snapshot in walkthrough_revisions: readers
-- read that, so an author can keep improving a published guide without readers seeing half-done
-- edits. Every change goes through the api functions of the next migration.

create schema if not exists extensions;
create extension if not exists unaccent with schema extensions;

create type public.walkthrough_status as enum ('draft', 'in_review', 'changes_requested', 'published', 'unpublished');

-- The languages a walkthrough can be written in: the app's five interface languages.
create function app_private.is_content_language(p_language text) returns boolean
language sql immutable set search_path = ''
as $$ select p_language = any (array['en', 'es', 'ar', 'vi', 'zh']) $$;
grant execute on function app_private.is_content_language(text) to anon, authenticated, service_role;

create table public.walkthroughs (
  id uuid primary key default gen_random_uuid(),
  school_id uuid not null references public.schools (id) on delete cascade,
  tool_id uuid not null references public.tools (id),
  created_by uuid references public.profiles (user_id) on delete set null,
  original_language text not null check (app_private.is_content_language(original_language)),
  difficulty smallint not null default 1 check (difficulty between 1 and 5),
  minutes smallint not null default 10 check (minutes between 1 and 240),
  status public.walkthrough_status not null default 'draft',
  -- A teacher the author asked to review it; the coordinator can always review.
  reviewer_id uuid references public.profiles (user_id) on delete set null,
  from_request_id uuid references public.help_requests (id) on delete set null,
  published_revision_id bigint,
  submission_id uuid,
  submitted_at timestamptz,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.walkthroughs is 'A step-by-step guide to one tool. The working copy; readers read its published revision.';
create index walkthroughs_school_idx on public.walkthroughs (school_id, status);
create index walkthroughs_request_idx on public.walkthroughs (from_request_id) where from_request_id is not null;
create unique index walkthroughs_submission_idx on public.walkthroughs (created_by, submission_id);

create table public.walkthrough_authors (
  walkthrough_id uuid not null references public.walkthroughs (id) on delete cascade,
  user_id uuid not null references public.profiles (user_id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (walkthrough_id, user_id)
);
create index walkthrough_authors_user_idx on public.walkthrough_authors (user_id);

create table public.walkthrough_versions (
  walkthrough_id uuid not null references public.walkthroughs (id) on delete cascade,
  language text not null check (app_private.is_content_language(language)),
  school_id uuid not null references public.schools (id) on delete cascade,
  title text not null default '' check (char_length(title) <= 120),
  outcome text not null default '' check (char_length(outcome) <= 300),
  prerequisites text not null default '' check (char_length(prerequisites) <= 500),
  updated_at timestamptz not null default now(),
  primary key (walkthrough_id, language)
);

create table public.screenshots (
  id uuid primary key,
  school_id uuid not null references public.schools (id) on delete cascade,
  walkthrough_id uuid not null references public.walkthroughs (id) on delete cascade,
  uploaded_by uuid references public.profiles (user_id) on delete set null,
  width int not null check (width between 16 and 1600),
  height int not null check (height between 16 and 1600),
  bytes int not null check (bytes between 1 and 10485760),
  created_at timestamptz not null default now()
);
create index screenshots_walkthrough_idx on public.screenshots (walkthrough_id);

-- The shape of the guide (order, screenshot) is shared by every language; the words are per language.
create table public.walkthrough_steps (
  id uuid primary key default gen_random_uuid(),
  walkthrough_id uuid not null references public.walkthroughs (id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  position int not null check (position between 1 and 50),
  screenshot_id uuid references public.screenshots (id) on delete set null,
  unique (walkthrough_id, position) deferrable initially deferred
);

create table public.walkthrough_step_texts (
  step_id uuid not null references public.walkthrough_steps (id) on delete cascade,
  language text not null check (app_private.is_content_language(language)),
  walkthrough_id uuid not null references public.walkthroughs (id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  body text not null default '' check (char_length(body) <= 4000),
  callout_kind text check (callout_kind in ('caution', 'tip', 'note')),
  callout text not null default '' check (char_length(callout) <= 500),
  alt text not null default '' check (char_length(alt) <= 300),
  primary key (step_id, language)
);
create index walkthrough_step_texts_walkthrough_idx on public.walkthrough_step_texts (walkthrough_id, language);

create table public.walkthrough_reviews (
  id uuid primary key default gen_random_uuid(),
  walkthrough_id uuid not null references public.walkthroughs (id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  reviewer_id uuid references public.profiles (user_id) on delete set null,
  decision text not null check (decision in ('approved', 'changes_requested')),
  comment text not null default '' check (char_length(comment) <= 2000),
  created_at timestamptz not null default now()
);
create index walkthrough_reviews_walkthrough_idx on public.walkthrough_reviews (walkthrough_id, created_at desc);

-- Every submitted and published state, kept: the revision history.
create table public.walkthrough_revisions (
  id bigint generated always as identity primary key,
  walkthrough_id uuid not null references public.walkthroughs (id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  reason text not null check (reason in ('submitted', 'published', 'unpublished')),
  snapshot jsonb not null,
  created_by uuid references public.profiles (user_id) on delete set null,
  created_at timestamptz not null default now()
);
create index walkthrough_revisions_walkthrough_idx on public.walkthrough_revisions (walkthrough_id, id desc);
alter table public.walkthroughs add constraint walkthroughs_published_revision_fk
  foreign key (published_revision_id) references public.walkthrough_revisions (id) on delete set null;

-- Full-text search over published versions, one row per language, rebuilt on publish. Accents are
-- removed on both sides (unaccent), so "video" finds "vídeo"; Spanish and English also stem.
create table public.walkthrough_search (
  walkthrough_id uuid not null references public.walkthroughs (id) on delete cascade,
  language text not null check (app_private.is_content_language(language)),
  school_id uuid not null references public.schools (id) on delete cascade,
  tool_id uuid not null references public.tools (id),
  difficulty smallint not null,
  title text not null,
  outcome text not null,
  published_at timestamptz not null,
  document tsvector not null,
  primary key (walkthrough_id, language)
);
create index walkthrough_search_document_idx on public.walkthrough_search using gin (document);
create index walkthrough_search_school_idx on public.walkthrough_search (school_id, language, published_at desc);

create table public.walkthrough_votes (
  walkthrough_id uuid not null references public.walkthroughs (id) on delete cascade,
  user_id uuid not null references public.profiles (user_id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  helpful boolean not null,
  created_at timestamptz not null default now(),
  primary key (walkthrough_id, user_id)
);

create table public.walkthrough_comments (
  id uuid primary key default gen_random_uuid(),
  walkthrough_id uuid not null references public.walkthroughs (id) on delete cascade,
  school_id uuid not null references public.schools (id) on delete cascade,
  author_id uuid references public.profiles (user_id) on delete set null,
  body text not null check (char_length(btrim(body)) between 1 and 1000),
  created_at timestamptz not null default now()
);
create index walkthrough_comments_walkthrough_idx on public.walkthrough_comments (walkthrough_id, created_at);

-- ---------------------------------------------------------------------------------------------
-- Who may do what. Definer helpers read past RLS so the policies below do not recurse.

create function app_private.authors_walkthrough(p_walkthrough_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select from public.walkthrough_authors a
                 where a.walkthrough_id = p_walkthrough_id and a.user_id = (select auth.uid()))
$$;

-- The working copy: its authors, the coordinator, and a teacher named to review it while in review.
create function app_private.sees_walkthrough_draft(p_walkthrough_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select from public.walkthroughs w
    where w.id = p_walkthrough_id and w.school_id = (select app_private.my_school_id())
      and ((select app_private.authors_walkthrough(w.id))
           or (select app_private.has_role('coordinator'))
           or (w.status = 'in_review' and w.reviewer_id = (select auth.uid()))))
$$;

create function app_private.is_published_walkthrough(p_walkthrough_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select from public.walkthroughs w
                 where w.id = p_walkthrough_id and w.school_id = (select app_private.my_school_id())
                   and w.status = 'published')
$$;

revoke all on function app_private.authors_walkthrough(uuid), app_private.sees_walkthrough_draft(uuid),
  app_private.is_published_walkthrough(uuid) from public;
grant execute on function app_private.authors_walkthrough(uuid), app_private.sees_walkthrough_draft(uuid),
  app_private.is_published_walkthrough(uuid) to authenticated;

alter table public.walkthroughs enable row level security;
alter table public.walkthrough_authors enable row level security;
alter table public.walkthrough_versions enable row level security;
alter table public.screenshots enable row level security;
alter table public.walkthrough_steps enable row level security;
alter table public.walkthrough_step_texts enable row level security;
alter table public.walkthrough_reviews enable row level security;
alter table public.walkthrough_revisions enable row level security;
alter table public.walkthrough_search enable row level security;
alter table public.walkthrough_votes enable row level security;
alter table public.walkthrough_comments enable row level security;

-- New tables are granted to anon and authenticated by default (as in Supabase): start from nothing.
revoke all on public.walkthroughs, public.walkthrough_authors, public.walkthrough_versions, public.screenshots,
  public.walkthrough_steps, public.walkthrough_step_texts, public.walkthrough_reviews, public.walkthrough_revisions,
  public.walkthrough_search, public.walkthrough_votes, public.walkthrough_comments from anon, authenticated;
grant select, insert, update on public.walkthroughs to authenticated;
grant select, insert, delete on public.walkthrough_authors to authenticated;
grant select, insert, update on public.walkthrough_versions to authenticated;
grant select, insert, delete on public.screenshots to authenticated;
grant select, insert, update, delete on public.walkthrough_steps to authenticated;
grant select, insert, update, delete on public.walkthrough_step_texts to authenticated;
grant select, insert on public.walkthrough_reviews to authenticated;
grant select, insert on public.walkthrough_revisions to authenticated;
grant select, insert, delete on public.walkthrough_search to authenticated;
grant select, insert, update on public.walkthrough_votes to authenticated;
grant select, insert on public.walkthrough_comments to authenticated;

-- walkthroughs: everyone at the school sees published ones; drafts only as above.
create policy "published walkthroughs for the school, drafts for their authors and reviewers" on public.walkthroughs
  for select to authenticated using (
    school_id = (select app_private.my_school_id())
    -- created_by too: the creator sees the row they just inserted, before their author row exists.
    and (status = 'published' or created_by = (select auth.uid()) or (select app_private.authors_walkthrough(id))
         or (select app_private.has_role('coordinator'))
         or (status = 'in_review' and reviewer_id = (select auth.uid())))
  );
create policy "mentors, teachers and the coordinator start walkthroughs" on public.walkthroughs
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and created_by = (select auth.uid())
    and ((select app_private.has_role('student_mentor')) or (select app_private.has_role('teacher'))
         or (select app_private.has_role('coordinator')))
  );
-- Authors edit; the coordinator or the named reviewer decide. Which status step is whose is
-- checked by the guard trigger below.
create policy "authors, the coordinator and the named reviewer change a walkthrough" on public.walkthroughs
  for update to authenticated
  using (school_id = (select app_private.my_school_id())
         and ((select app_private.authors_walkthrough(id)) or (select app_private.has_role('coordinator'))
              or reviewer_id = (select auth.uid())))
  with check (school_id = (select app_private.my_school_id()));

create policy "people who see a walkthrough see its authors" on public.walkthrough_authors
  for select to authenticated using (
    school_id = (select app_private.my_school_id())
    and ((select app_private.is_published_walkthrough(walkthrough_id))
         or (select app_private.sees_walkthrough_draft(walkthrough_id)))
  );
-- The creator adds themself first; then any author may add a co-author from the school.
create policy "authors add co-authors" on public.walkthrough_authors
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id())
    and exists (select from public.profiles p where p.user_id = walkthrough_authors.user_id
                and p.school_id = walkthrough_authors.school_id)
    and ((select app_private.authors_walkthrough(walkthrough_id))
         or (user_id = (select auth.uid()) and exists (select from public.walkthroughs w
             where w.id = walkthrough_id and w.created_by = (select auth.uid()))))
  );
create policy "authors remove co-authors" on public.walkthrough_authors
  for delete to authenticated using (
    school_id = (select app_private.my_school_id()) and (select app_private.authors_walkthrough(walkthrough_id))
  );

-- The working copy's parts: authors write; authors, the coordinator and the reviewer read.
create policy "the working copy is read by its authors and reviewers" on public.walkthrough_versions
  for select to authenticated using ((select app_private.sees_walkthrough_draft(walkthrough_id)));
create policy "authors write versions" on public.walkthrough_versions
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and (select app_private.authors_walkthrough(walkthrough_id)));
create policy "authors edit versions" on public.walkthrough_versions
  for update to authenticated using ((select app_private.authors_walkthrough(walkthrough_id)))
  with check (school_id = (select app_private.my_school_id()));

create policy "the working copy's steps are read by its authors and reviewers" on public.walkthrough_steps
  for select to authenticated using ((select app_private.sees_walkthrough_draft(walkthrough_id)));
create policy "authors add steps" on public.walkthrough_steps
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and (select app_private.authors_walkthrough(walkthrough_id)));
create policy "authors edit steps" on public.walkthrough_steps
  for update to authenticated using ((select app_private.authors_walkthrough(walkthrough_id)))
  with check (school_id = (select app_private.my_school_id()));
create policy "authors remove steps" on public.walkthrough_steps
  for delete to authenticated using ((select app_private.authors_walkthrough(walkthrough_id)));

create policy "the working copy's words are read by its authors and reviewers" on public.walkthrough_step_texts
  for select to authenticated using ((select app_private.sees_walkthrough_draft(walkthrough_id)));
create policy "authors write step words" on public.walkthrough_step_texts
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and (select app_private.authors_walkthrough(walkthrough_id)));
create policy "authors edit step words" on public.walkthrough_step_texts
  for update to authenticated using ((select app_private.authors_walkthrough(walkthrough_id)))
  with check (school_id = (select app_private.my_school_id()));
create policy "authors remove step words" on public.walkthrough_step_texts
  for delete to authenticated using ((select app_private.authors_walkthrough(walkthrough_id)));

-- Screenshots: readers of a published guide see its images; drafts' images stay with the draft.
create policy "screenshots are seen with their walkthrough" on public.screenshots
  for select to authenticated using (
    school_id = (select app_private.my_school_id())
    and ((select app_private.is_published_walkthrough(walkthrough_id))
         or (select app_private.sees_walkthrough_draft(walkthrough_id)))
  );
create policy "authors upload screenshots" on public.screenshots
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and uploaded_by = (select auth.uid())
    and (select app_private.authors_walkthrough(walkthrough_id)));
create policy "authors remove screenshots" on public.screenshots
  for delete to authenticated using ((select app_private.authors_walkthrough(walkthrough_id)));

create policy "authors and reviewers read reviews" on public.walkthrough_reviews
  for select to authenticated using ((select app_private.sees_walkthrough_draft(walkthrough_id)));
create policy "the coordinator or the named reviewer reviews" on public.walkthrough_reviews
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and reviewer_id = (select auth.uid())
    and ((select app_private.has_role('coordinator'))
         or exists (select from public.walkthroughs w where w.id = walkthrough_id
                    and w.reviewer_id = (select auth.uid()) and w.status = 'in_review')));

-- The published revision is what every reader at the school reads; the history is for authors
-- and reviewers.
create policy "readers read the published revision, authors and reviewers the history" on public.walkthrough_revisions
  for select to authenticated using (
    school_id = (select app_private.my_school_id())
    and ((select app_private.sees_walkthrough_draft(walkthrough_id))
         or exists (select from public.walkthroughs w where w.id = walkthrough_id
                    and w.published_revision_id = walkthrough_revisions.id and w.status = 'published'))
  );
create policy "authors and reviewers record revisions" on public.walkthrough_revisions
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and created_by = (select auth.uid())
    and (select app_private.sees_walkthrough_draft(walkthrough_id)));

create policy "everyone at the school searches published walkthroughs" on public.walkthrough_search
  for select to authenticated using (school_id = (select app_private.my_school_id()));
create policy "publishing indexes a walkthrough" on public.walkthrough_search
  for insert to authenticated with check (
    school_id = (select app_private.my_school_id()) and (select app_private.sees_walkthrough_draft(walkthrough_id)));
create policy "unpublishing removes it from search" on public.walkthrough_search
  for delete to authenticated using (
    school_id = (select app_private.my_school_id()) and (select app_private.sees_walkthrough_draft(walkthrough_id)));

-- Votes: one per person; counts are public to the school, who voted how is not.
create policy "people see their own vote" on public.walkthrough_votes
  for select to authenticated using (user_id = (select auth.uid()));
create policy "people vote on published walkthroughs" on public.walkthrough_votes
  for insert to authenticated with check (
    user_id = (select auth.uid()) and school_id = (select app_private.my_school_id())
    and (select app_private.is_published_walkthrough(walkthrough_id)));
create policy "people change their own vote" on public.walkthrough_votes
  for update to authenticated using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

-- Comments go to the authors (and the coordinator); the commenter sees their own.
create policy "authors, reviewers and the commenter read comments" on public.walkthrough_comments
  for select to authenticated using (
    school_id = (select app_private.my_school_id())
    and (author_id = (select auth.uid()) or (select app_private.sees_walkthrough_draft(walkthrough_id))));
create policy "readers comment on published walkthroughs" on public.walkthrough_comments
  for insert to authenticated with check (
    author_id = (select auth.uid()) and school_id = (select app_private.my_school_id())
    and (select app_private.is_published_walkthrough(walkthrough_id)));

-- Status steps: authors submit (draft/changes_requested -> in_review) and may unpublish; the
-- coordinator or the named reviewer approve (in_review -> published) or ask for changes. An
-- author cannot approve their own walkthrough, even as coordinator.
create function app_private.guard_walkthrough() returns trigger
language plpgsql set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_author boolean := (select app_private.authors_walkthrough(old.id));
  v_coordinator boolean := (select app_private.has_role('coordinator'));
  v_reviewer boolean := (v_coordinator or old.reviewer_id = v_me) and not v_author;
begin
  if new.school_id <> old.school_id or new.created_by is distinct from old.created_by then
    raise exception using errcode = 'PT403', message = 'walkthrough.not_yours', hint = 'walkthrough.not_yours';
  end if;
  if new.status is distinct from old.status and not coalesce(
       (old.status in ('draft', 'changes_requested', 'published', 'unpublished') and new.status = 'in_review' and v_author)
    or (old.status = 'in_review' and new.status in ('published', 'changes_requested') and v_reviewer)
    or (old.status = 'in_review' and new.status = 'draft' and v_author)
    or (old.status = 'published' and new.status = 'unpublished' and (v_author or v_coordinator))
    or (old.status = 'published' and new.status = 'draft' and v_author), false) then
    raise exception using errcode = 'PT403', message = 'walkthrough.not_your_step', hint = 'walkthrough.not_your_step';
  end if;
  -- Reviewers decide; they do not rewrite the guide's details.
  if not v_author and (new.tool_id, new.difficulty, new.minutes, new.original_language, new.reviewer_id)
       is distinct from (old.tool_id, old.difficulty, old.minutes, old.original_language, old.reviewer_id) then
    raise exception using errcode = 'PT403', message = 'walkthrough.not_yours', hint = 'walkthrough.not_yours';
  end if;
  return new;
end;
$$;
create trigger walkthroughs_guard before update on public.walkthroughs
  for each row when (current_user in ('authenticated', 'anon'))
  execute function app_private.guard_walkthrough();

-- Supabase mode keeps screenshots in a private Storage bucket (the app server reads it with the
-- service role and serves each image only to those the database lets see it). Other modes have
-- no storage schema and keep files under DATA_DIR/uploads.
do $$
begin
  if to_regclass('storage.buckets') is not null then
    insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
    values ('screenshots', 'screenshots', false, 10485760, array['image/webp'])
    on conflict (id) do nothing;
  end if;
end;
$$;
