-- People: the leadership register. Professions are reference data shared by every ICS
-- (loaded from professions.csv, extendable by a platform administrator); people and their
-- appointments to seats belong to one ICS.

create table profession (
    code                 text primary key check (code ~ '^[a-z][a-z0-9_]{1,59}$'),
    name                 text    not null,
    profession_group     text    not null,
    regulator            text,
    registration_pattern text,
    -- every reference profession counts as clinical or care except managers and experts by experience
    clinical_and_care    boolean not null
);

create table person (
    id                  bigint generated always as identity primary key,
    ics_id              bigint not null default gt_current_ics() references ics (id),
    person_ref          text   not null check (length(trim(person_ref)) between 1 and 60),
    given_name          text   not null check (length(trim(given_name)) between 1 and 100),
    family_name         text   not null check (length(trim(family_name)) between 1 and 100),
    email               text check (email ~ '^[^@\s]+@[^@\s]+$'),
    profession          text   not null references profession (code),
    registration_number text,
    employer            text,
    employer_ods        text,
    sector              text check (sector in ('acute', 'community', 'mental_health', 'general_practice',
        'community_pharmacy', 'dental', 'optometry', 'ambulance', 'adult_social_care', 'childrens_services',
        'public_health', 'local_authority', 'vcse', 'independent', 'icb', 'education')),
    career_stage        text check (career_stage in ('student', 'early', 'mid', 'senior')),
    unique (ics_id, person_ref)
);
select gt_isolate('person');

create table appointment (
    id                       bigint generated always as identity primary key,
    ics_id                   bigint        not null default gt_current_ics() references ics (id),
    person_id                bigint        not null references person (id),
    -- a seat is owned by the structure module; the key keeps an appointment from outliving its seat
    seat_id                  bigint        not null references seat (id),
    start_date               date          not null,
    end_date                 date,
    route                    text check (route in ('open_recruitment', 'nomination', 'election', 'ex_officio')),
    protected_hours_per_week numeric(4, 1) check (protected_hours_per_week between 0 and 48),
    hours_used_per_week      numeric(4, 1) check (hours_used_per_week between 0 and 80),
    funded_by                text,
    backfilled               boolean,
    check (end_date is null or end_date >= start_date),
    unique (ics_id, person_id, seat_id, start_date)
);
create index appointment_seat on appointment (seat_id);
create index appointment_person on appointment (person_id);
select gt_isolate('appointment');
