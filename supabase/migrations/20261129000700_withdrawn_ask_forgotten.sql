-- When a mentor takes back an ask to join, the teacher's "a mentor asks to join" notification
-- announces something that no longer exists: opening it showed a request with nobody asking, and
-- an ask made again the same minute listed two notes that read the same. So taking an ask back
-- removes the notes about asks to join that request, and tells nobody anything new.
create function app_private.forget_withdrawn_ask() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.notifications n
  where n.request_id = new.request_id and n.kind = 'partner_asked';
  return new;
end;
$$;
revoke all on function app_private.forget_withdrawn_ask() from public;
create trigger request_events_forget_withdrawn_ask after insert on public.request_events
  for each row when (new.kind = 'ask_withdrawn') execute function app_private.forget_withdrawn_ask();
