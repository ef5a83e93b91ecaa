-- Platform: what it offers other modules to read in their SQL, so that none of them names its
-- tables (TableBoundaryTest fails if one does). Documented in the platform module's package-info.
--
--   account_names()  every account: id, display_name (the name shown beside what someone did)
--
-- A function rather than a view for the reasons structure's place_names() gives: it runs as its
-- caller, who reads app_user as before, and PostgreSQL inlines it into the calling query.

create function account_names() returns table (id bigint, display_name text)
    language sql stable
as $$ select u.id, u.display_name from app_user u $$;

revoke all on function account_names() from public;
grant execute on function account_names() to ${app_role};
