-- Pipeline: each person's own link to give their equality answers about themselves. Only a
-- SHA-256 digest of the link's secret is kept; a new link for a person replaces the old one. The
-- link carries nothing about the answers: whether and what someone answered is never stored here.
create table equality_link (
    id         bigint generated always as identity primary key,
    ics_id     bigint not null default gt_current_ics() references ics (id),
    person_id  bigint not null unique references person (id) on delete cascade,
    token_hash bytea  not null unique,
    issued_on  date   not null,
    -- the day the mail server took an email carrying this link; null while it has not been emailed
    emailed_on date
);
select gt_isolate('equality_link');

-- Someone following their link is not signed in, so no ICS is in scope when it arrives. This
-- function answers which ICS and person a link's digest belongs to, and nothing more; the
-- application then works in that ICS's scope. As for relationship links, it runs as the schema
-- owner, whom the policy below (and only it) lets read the links.
create function gt_equality_link(token_hash bytea)
    returns table (ics_id bigint, person_id bigint)
    language sql stable security definer set search_path = public
as $$ select l.ics_id, l.person_id from equality_link l where l.token_hash = $1 $$;

revoke all on function gt_equality_link(bytea) from public;
grant execute on function gt_equality_link(bytea) to ${app_role};

do $$
begin
    execute format('create policy token_lookup on equality_link for select to %I using (true)', current_user);
end
$$;
