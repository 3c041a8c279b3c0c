-- Several servers may start together on an empty database with no demo school, and each prints a
-- one-time setup code. Issuing a code used to delete every other one, so only the code printed
-- last worked and the others were refused. Now each server's code works until a school is set up
-- (setup_school still deletes them all then). A code more than a day old is dropped at the next
-- start, so old logs don't hold working codes for ever.
create or replace function app_private.issue_setup_code(p_code_hash text) returns void
language sql security definer set search_path = ''
as $$
  delete from app_private.setup_codes where created_at < now() - interval '1 day';
  insert into app_private.setup_codes (code_hash) values (p_code_hash) on conflict do nothing;
$$;
