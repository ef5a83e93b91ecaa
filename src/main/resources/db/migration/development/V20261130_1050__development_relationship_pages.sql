-- Development: what a pair keeps once their relationship has started. Each of the two people has a
-- personal link of their own (only a digest of its secret is stored); through it they agree goals,
-- log meetings and, each for themselves, end the relationship with a reflection.
--
-- Privacy: the text a pair writes (goals, meeting notes, what helped, reflections) is theirs. The
-- application shows administrators only facts about it (that meetings happened, how many, when
-- last, for how long, whether and why it ended, and ratings in aggregate), never the text.

-- why the relationship ended: the reason of whoever ended it first (a person or an administrator)
alter table relationship add column end_reason text
    check (end_reason in ('goals_met', 'programme_ended', 'not_working', 'moved_role', 'other'));
alter table relationship add constraint relationship_ended_with_reason
    check ((ended_on is null) = (end_reason is null));

create table relationship_link (
    id              bigint generated always as identity primary key,
    ics_id          bigint not null default gt_current_ics() references ics (id),
    relationship_id bigint not null references relationship (id) on delete cascade,
    person_id       bigint not null references person (id),
    -- SHA-256 of the link's secret; a new link replaces the old, which stops working
    token_hash      bytea  not null unique,
    issued_on       date   not null,
    -- the day the mail server took an email carrying this link; null while it has not been emailed
    emailed_on      date,
    unique (relationship_id, person_id)
);
select gt_isolate('relationship_link');

create table relationship_goal (
    id              bigint generated always as identity primary key,
    ics_id          bigint not null default gt_current_ics() references ics (id),
    relationship_id bigint not null references relationship (id) on delete cascade,
    -- private to the pair
    text            text   not null check (length(trim(text)) between 1 and 500),
    added_by        bigint not null references person (id),
    added_on        date   not null,
    met_on          date,
    check (met_on is null or met_on >= added_on)
);
create index relationship_goal_relationship on relationship_goal (relationship_id);
select gt_isolate('relationship_goal');

create table relationship_meeting (
    id              bigint generated always as identity primary key,
    ics_id          bigint  not null default gt_current_ics() references ics (id),
    relationship_id bigint  not null references relationship (id) on delete cascade,
    met_on          date    not null,
    minutes         integer not null check (minutes between 1 and 600),
    -- private to the pair
    notes           text    check (length(notes) <= 5000),
    logged_by       bigint  not null references person (id),
    logged_on       date    not null
);
create index relationship_meeting_relationship on relationship_meeting (relationship_id, met_on);
select gt_isolate('relationship_meeting');

-- each person's own ending: their reflection, given when they ended the relationship or after
-- the other person (or an administrator) had ended it
create table relationship_reflection (
    ics_id          bigint  not null default gt_current_ics() references ics (id),
    relationship_id bigint  not null references relationship (id) on delete cascade,
    person_id       bigint  not null references person (id),
    -- this person's own reason; the relationship keeps the reason of whoever ended it first
    reason          text    not null
        check (reason in ('goals_met', 'programme_ended', 'not_working', 'moved_role', 'other')),
    rating          integer not null check (rating between 1 and 5),
    -- private to the pair
    helped          text    check (length(helped) <= 2000),
    reflection      text    check (length(reflection) <= 5000),
    given_on        date    not null,
    primary key (relationship_id, person_id)
);
select gt_isolate('relationship_reflection');

-- A person following their link is not signed in, so no ICS is in scope when it arrives. This
-- function tells which ICS, relationship and person a link's digest belongs to, and nothing more;
-- the application then works in that ICS's scope. As for survey invitations, it runs as the schema
-- owner, whom the policy below (and only it) lets read the links.
create function gt_relationship_by_link(token_hash bytea)
    returns table (ics_id bigint, relationship_id bigint, person_id bigint)
    language sql stable security definer set search_path = public
as $$ select l.ics_id, l.relationship_id, l.person_id from relationship_link l where l.token_hash = $1 $$;

revoke all on function gt_relationship_by_link(bytea) from public;
grant execute on function gt_relationship_by_link(bytea) to ${app_role};

do $$
begin
    execute format('create policy token_lookup on relationship_link for select to %I using (true)', current_user);
end
$$;
