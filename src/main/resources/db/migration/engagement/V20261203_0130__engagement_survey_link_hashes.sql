-- Engagement: a survey's open links and its invitees' personal links are kept only as SHA-256
-- digests, as event links, API tokens and other personal links are, so that a copy of the database
-- lets nobody answer a survey as an invitee. Each link lives in its own row: every email and every
-- download issues a fresh link, and those issued before keep working, so a person can open
-- whichever email they kept and an administrator can always have an open link to share.

-- Existing rows of every ICS are converted; the owner running this is let past row-level security
-- only while it does so.
alter table survey no force row level security;
alter table survey_invitation no force row level security;

create table survey_open_link (
    ics_id     bigint      not null default gt_current_ics() references ics (id),
    survey_id  bigint      not null references survey (id) on delete cascade,
    link_hash  bytea       not null primary key,
    created_at timestamptz not null default now()
);
create index survey_open_link_survey on survey_open_link (survey_id);
select gt_isolate('survey_open_link');

create table survey_invitation_link (
    ics_id        bigint      not null default gt_current_ics() references ics (id),
    invitation_id bigint      not null references survey_invitation (id) on delete cascade,
    token_hash    bytea       not null primary key,
    created_at    timestamptz not null default now()
);
create index survey_invitation_link_invitation on survey_invitation_link (invitation_id);
select gt_isolate('survey_invitation_link');

alter table survey_open_link no force row level security;
alter table survey_invitation_link no force row level security;
insert into survey_open_link (ics_id, survey_id, link_hash)
select ics_id, id, sha256(convert_to(link_token, 'UTF8')) from survey;
insert into survey_invitation_link (ics_id, invitation_id, token_hash)
select ics_id, id, sha256(convert_to(token, 'UTF8')) from survey_invitation;

alter table survey force row level security;
alter table survey_invitation force row level security;
alter table survey_open_link force row level security;
alter table survey_invitation_link force row level security;

drop function gt_survey_by_link(text);
drop function gt_survey_by_invitation(text);
alter table survey drop column link_token;
drop index survey_invitation_token;
alter table survey_invitation drop column token;

-- Respondents are not signed in: these tell which ICS and survey a link's digest belongs to, and nothing more.
create function gt_survey_by_link(link_hash bytea) returns table (ics_id bigint, survey_id bigint)
    language sql stable security definer set search_path = public
as $$ select l.ics_id, l.survey_id from survey_open_link l where l.link_hash = $1 $$;

create function gt_survey_by_invitation(token_hash bytea) returns table (ics_id bigint, survey_id bigint)
    language sql stable security definer set search_path = public
as $$ select i.ics_id, i.survey_id
        from survey_invitation_link l join survey_invitation i on i.id = l.invitation_id
       where l.token_hash = $1 $$;

revoke all on function gt_survey_by_link(bytea) from public;
revoke all on function gt_survey_by_invitation(bytea) from public;
grant execute on function gt_survey_by_link(bytea) to ${app_role};
grant execute on function gt_survey_by_invitation(bytea) to ${app_role};

do $$
begin
    execute format('create policy token_lookup on survey_open_link for select to %I using (true)', current_user);
    execute format('create policy token_lookup on survey_invitation_link for select to %I using (true)',
                   current_user);
end
$$;
