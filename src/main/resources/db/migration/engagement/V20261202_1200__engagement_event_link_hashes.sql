-- Engagement: event links are kept only as SHA-256 digests, as API tokens and personal links are
-- elsewhere, so that a copy of the database opens no registration. A person's links live in their
-- own table: every email about a registration carries a fresh link, and the older ones keep working.

-- Existing rows of every ICS are converted; the owner running this is let past row-level security
-- only while it does so.
alter table engagement_event no force row level security;
alter table engagement_registration no force row level security;

alter table engagement_event add column link_hash bytea;
update engagement_event set link_hash = sha256(convert_to(link_token, 'UTF8'));
alter table engagement_event alter column link_hash set not null;
alter table engagement_event add constraint engagement_event_link_hash unique (link_hash);

create table engagement_registration_link (
    ics_id          bigint      not null default gt_current_ics() references ics (id),
    registration_id bigint      not null references engagement_registration (id) on delete cascade,
    token_hash      bytea       not null primary key,
    created_at      timestamptz not null default now()
);
create index engagement_registration_link_registration on engagement_registration_link (registration_id);
select gt_isolate('engagement_registration_link');

alter table engagement_registration_link no force row level security;
insert into engagement_registration_link (ics_id, registration_id, token_hash)
select ics_id, id, sha256(convert_to(token, 'UTF8')) from engagement_registration;

alter table engagement_event force row level security;
alter table engagement_registration force row level security;
alter table engagement_registration_link force row level security;

drop function gt_event_by_link(text);
drop function gt_event_by_registration(text);
alter table engagement_event drop column link_token;
alter table engagement_registration drop column token;

-- Registrants are not signed in: these tell which ICS and event a link's digest belongs to, and nothing more.
create function gt_event_by_link(link_hash bytea) returns table (ics_id bigint, event_id bigint)
    language sql stable security definer set search_path = public
as $$ select e.ics_id, e.id from engagement_event e where e.link_hash = $1 $$;

create function gt_event_by_registration(token_hash bytea) returns table (ics_id bigint, event_id bigint)
    language sql stable security definer set search_path = public
as $$ select r.ics_id, r.event_id
        from engagement_registration_link l join engagement_registration r on r.id = l.registration_id
       where l.token_hash = $1 $$;

revoke all on function gt_event_by_link(bytea) from public;
revoke all on function gt_event_by_registration(bytea) from public;
grant execute on function gt_event_by_link(bytea) to ${app_role};
grant execute on function gt_event_by_registration(bytea) to ${app_role};

do $$
begin
    execute format('create policy token_lookup on engagement_registration_link for select to %I using (true)',
                   current_user);
end
$$;
