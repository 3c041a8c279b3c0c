-- The rules every migration must keep (SECURITY-PRIVACY.md, ARCHITECTURE.md 1). These read the
-- catalogs, so a new table or function that forgets them fails here before any data test runs.
begin;
select plan(11);

-- Guards the checks below: an empty catalog query would pass every is_empty vacuously.
select ok(
  (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind in ('r', 'p')) >= 5,
  'the catalog queries see the tables in public'
);

select is_empty(
  $$ select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity $$,
  'every table in public has row level security enabled'
);

-- A security definer function in an exposed schema would run past RLS for whoever calls it.
select is_empty(
  $$ select n.nspname || '.' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('api', 'public') and p.prosecdef $$,
  'no function in api or public is security definer'
);

-- The helpers that are definer must not be hijackable through the caller's search_path.
select is_empty(
  $$ select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'app_private' and p.prosecdef
       and not coalesce('search_path=""' = any (p.proconfig), false) $$,
  'every security definer helper in app_private sets search_path to empty'
);

select is_empty(
  $$ select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'api' and p.prorettype <> 'jsonb'::regtype $$,
  'every api function returns jsonb'
);

-- Postgres grants execute to PUBLIC by default; api functions must be granted role by role.
select is_empty(
  $$ select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'api'
       and exists (select from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                   where a.grantee = 0 and a.privilege_type = 'EXECUTE') $$,
  'no api function is executable by PUBLIC'
);

-- The app calls an api function in the same statement that sets the caller's role
-- (src/lib/server/db/sql-call.ts). An immutable function could be folded into a constant while
-- that statement is planned, before the role is set: so none may be immutable.
select is_empty(
  $$ select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'api' and p.provolatile = 'i' $$,
  'no api function is immutable'
);

select is_empty(
  $$ select tablename || ': ' || policyname from pg_policies
     where schemaname = 'public' and cmd = 'ALL' $$,
  'no policy in public is "for all"'
);

select is_empty(
  $$ select tablename || ': ' || policyname from pg_policies
     where schemaname = 'public' and (btrim(qual) = 'true' or btrim(with_check) = 'true') $$,
  'no policy in public uses a bare true'
);

-- A policy without `to ...` applies to PUBLIC, which includes anon.
select is_empty(
  $$ select tablename || ': ' || policyname from pg_policies
     where schemaname = 'public' and 'public' = any (roles) $$,
  'every policy in public names its roles'
);

-- anon may read the demo personas and nothing else in public. (relname is a name, collated "C";
-- the array is text, so compare in the default collation.)
select results_eq(
  $$ select c.relname::text collate "default" from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and (has_table_privilege('anon', c.oid, 'select') or has_table_privilege('anon', c.oid, 'insert')
            or has_table_privilege('anon', c.oid, 'update') or has_table_privilege('anon', c.oid, 'delete'))
     order by 1 $$,
  array['demo_personas'],
  'anon holds privileges on demo_personas only'
);

select * from finish();
rollback;
