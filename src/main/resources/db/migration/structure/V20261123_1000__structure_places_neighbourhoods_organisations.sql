-- Structure: the ICS map's geography and organisations. Forums and seats follow with the
-- leadership map.

create table place (
    id              bigint generated always as identity primary key,
    ics_id          bigint  not null default gt_current_ics() references ics (id),
    name            text    not null check (length(trim(name)) between 1 and 120),
    local_authority text,
    population      integer check (population >= 0),
    unique (ics_id, name)
);
select gt_isolate('place');

create table neighbourhood (
    id         bigint generated always as identity primary key,
    ics_id     bigint  not null default gt_current_ics() references ics (id),
    place_id   bigint  not null references place (id),
    name       text    not null check (length(trim(name)) between 1 and 120),
    ods_code   text,
    population integer check (population >= 0),
    unique (ics_id, name)
);
create index neighbourhood_place on neighbourhood (place_id);
select gt_isolate('neighbourhood');

create table organisation (
    id       bigint generated always as identity primary key,
    ics_id   bigint not null default gt_current_ics() references ics (id),
    name     text   not null check (length(trim(name)) between 1 and 200),
    ods_code text,
    sector   text   not null check (sector in ('acute', 'community', 'mental_health', 'general_practice',
        'community_pharmacy', 'dental', 'optometry', 'ambulance', 'adult_social_care', 'childrens_services',
        'public_health', 'local_authority', 'vcse', 'independent', 'icb', 'education')),
    place_id bigint references place (id),
    unique (ics_id, name)
);
create index organisation_place on organisation (place_id);
select gt_isolate('organisation');
