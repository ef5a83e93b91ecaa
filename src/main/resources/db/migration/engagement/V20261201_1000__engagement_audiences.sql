-- Engagement: audiences. A segment describes whom to reach by what the register knows of them
-- (the levels, places, forums and seat types of the seats they hold today, their profession or its
-- group, their sector and career stage); it is kept as criteria and counted afresh each time it is
-- used, so it follows the register. Contacts are people outside the register (students, partners)
-- an ICS keeps to invite as well, removed on request.

create table engagement_segment (
    id               bigint generated always as identity primary key,
    ics_id           bigint      not null default gt_current_ics() references ics (id),
    name             text        not null check (length(trim(name)) between 1 and 120),
    -- each key (levels, places, forums, seat_types, professions, profession_groups, sectors,
    -- career_stages) holds a list: a person matches every key given, and any value within one
    criteria         jsonb       not null default '{}',
    -- whether the ICS's own contacts outside the register are reached too (by profession, if named)
    include_contacts boolean     not null default false,
    created_at       timestamptz not null default now(),
    unique (ics_id, name)
);
select gt_isolate('engagement_segment');

create table engagement_contact (
    id           bigint generated always as identity primary key,
    ics_id       bigint      not null default gt_current_ics() references ics (id),
    name         text        not null check (length(trim(name)) between 1 and 200),
    email        text        not null check (email ~ '^[^@\s]+@[^@\s]+$'),
    profession   text,
    organisation text,
    -- why they are not on the register: a student, a partner organisation, anyone else
    kind         text        not null check (kind in ('student', 'partner', 'other')),
    created_at   timestamptz not null default now()
);
create unique index engagement_contact_email on engagement_contact (ics_id, lower(email));
select gt_isolate('engagement_contact');
