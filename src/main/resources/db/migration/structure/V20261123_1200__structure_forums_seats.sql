-- Structure: forums at every level of the ICS, the lines of sight between them (reports-to),
-- and the seats on each forum that leaders are appointed to.

create table forum (
    id               bigint generated always as identity primary key,
    ics_id           bigint  not null default gt_current_ics() references ics (id),
    name             text    not null check (length(trim(name)) between 1 and 200),
    level            text    not null check (level in ('system', 'place', 'neighbourhood',
        'provider_collaborative', 'clinical_network')),
    kind             text    not null check (kind in ('board', 'committee', 'senate', 'professional_council',
        'network', 'assembly', 'working_group')),
    decision_rights  text    not null check (decision_rights in ('decides', 'recommends', 'advises', 'assures')),
    place_id         bigint  references place (id),
    neighbourhood_id bigint  references neighbourhood (id),
    reports_to_id    bigint  references forum (id),
    check (reports_to_id is null or reports_to_id <> id),
    check (level <> 'place' or place_id is not null),
    check (level <> 'neighbourhood' or neighbourhood_id is not null),
    check (level <> 'system' or (place_id is null and neighbourhood_id is null)),
    unique (ics_id, name)
);
create index forum_reports_to on forum (reports_to_id);
select gt_isolate('forum');

create table seat (
    id                      bigint generated always as identity primary key,
    ics_id                  bigint  not null default gt_current_ics() references ics (id),
    forum_id                bigint  not null references forum (id),
    title                   text    not null check (length(trim(title)) between 1 and 200),
    seat_type               text    not null check (seat_type in ('chair', 'member', 'professional_lead',
        'clinical_lead', 'expert_by_experience', 'lay_member')),
    professionally_agnostic boolean not null default true,
    expected_hours_per_week numeric(4, 1) check (expected_hours_per_week between 0 and 48),
    created_on              date    not null default current_date,
    unique (ics_id, forum_id, title)
);
create index seat_forum on seat (forum_id);
select gt_isolate('seat');
