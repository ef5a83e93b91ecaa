-- Structure: what it offers other modules to read in their SQL, so that none of them names its
-- tables (TableBoundaryTest fails if one does). Its tables stay its own, free to change; these
-- functions keep their columns. Documented in the structure module's package-info.
--
--   place_names()              every place: id, name
--   seats_on_forums()          every seat: id, title, the forum it is on (forum_id, forum: its name)
--                              and the place that forum belongs to (place_id, null if none)
--   organisations_in_places()  every organisation: id, name, ods_code and place_id (null if none)
--
-- They are functions rather than views so that they need nothing newer than PostgreSQL 14 (a view
-- that keeps its caller's row-level security, security_invoker, needs 15). Like every function
-- here they run as their caller (security invoker), so the forced row-level security of the tables
-- they read applies to the application's role as if it read the tables itself: each sees the ICS in
-- scope only. Being plain SQL, stable, not strict and returning a set, PostgreSQL inlines each into
-- the query that calls it, which is then planned as if it had joined the tables.

create function place_names() returns table (id bigint, name text)
    language sql stable
as $$ select p.id, p.name from place p $$;

create function seats_on_forums() returns table (id bigint, title text, forum_id bigint, forum text, place_id bigint)
    language sql stable
as $$
    select s.id, s.title, f.id, f.name, f.place_id
      from seat s
      join forum f on f.id = s.forum_id
$$;

create function organisations_in_places() returns table (id bigint, name text, ods_code text, place_id bigint)
    language sql stable
as $$ select o.id, o.name, o.ods_code, o.place_id from organisation o $$;

revoke all on function place_names() from public;
revoke all on function seats_on_forums() from public;
revoke all on function organisations_in_places() from public;
grant execute on function place_names() to ${app_role};
grant execute on function seats_on_forums() to ${app_role};
grant execute on function organisations_in_places() to ${app_role};
