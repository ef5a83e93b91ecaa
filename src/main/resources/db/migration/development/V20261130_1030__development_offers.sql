-- Development: the ICS's development offer (programmes, courses, coaching, mentoring, networks…) and
-- who has enrolled on each. Who an offer is for is kept as lists of codes; an empty list means the
-- offer is open to everyone on that count. A place is the structure module's and a person the people
-- module's; the keys keep an offer from naming a place that is gone and an enrolment from outliving
-- its register entry.

create table offer (
    id               bigint generated always as identity primary key,
    ics_id           bigint        not null default gt_current_ics() references ics (id),
    title            text          not null check (length(trim(title)) between 1 and 200),
    kind             text          not null check (kind in ('programme', 'course', 'coaching', 'mentoring',
        'reverse_mentoring', 'buddying', 'workplace_exchange', 'action_learning_set', 'network',
        'safe_space_conversation')),
    description      text          not null check (length(description) <= 5000),
    provider         text          not null check (length(trim(provider)) between 1 and 200),
    scope            text          not null check (scope in ('place', 'ics', 'regional', 'national')),
    place_id         bigint references place (id),
    delivery         text          not null check (delivery in ('in_person', 'online', 'blended', 'self_paced')),
    -- the time it takes: hours in all, over how many weeks (either or both)
    hours            numeric(6, 1) check (hours > 0 and hours <= 2000),
    weeks            integer       check (weeks between 1 and 156),
    -- 0 is free; who pays is said when it is not
    cost_pounds      numeric(9, 2) not null default 0 check (cost_pounds >= 0 and cost_pounds <= 1000000),
    paid_by          text check (paid_by in ('ics', 'employer', 'participant', 'sponsor')),
    professions      text[]        not null default '{}',
    profession_groups text[]       not null default '{}',
    career_stages    text[]        not null default '{}',
    levels           text[]        not null default '{}',
    sectors          text[]        not null default '{}',
    capacity         integer check (capacity between 1 and 10000),
    opens_on         date,
    closes_on        date,
    more_info_url    text check (more_info_url ~ '^https://[^\s]+$' and length(more_info_url) <= 500),
    retired          boolean       not null default false,
    check ((scope = 'place') = (place_id is not null)),
    check (cost_pounds = 0 or paid_by is not null),
    check (closes_on is null or opens_on is null or closes_on >= opens_on),
    unique (ics_id, title)
);
select gt_isolate('offer');

create table enrolment (
    id             bigint generated always as identity primary key,
    ics_id         bigint not null default gt_current_ics() references ics (id),
    offer_id       bigint not null references offer (id),
    person_id      bigint not null references person (id),
    status         text   not null check (status in ('applied', 'accepted', 'waitlisted', 'completed', 'withdrawn')),
    applied_on     date   not null,
    -- when the status last changed, and when a withdrawal elsewhere moved this person off the waitlist
    changed_on     date   not null,
    offered_on     date,
    completed_on   date,
    -- first come, first served on the waitlist
    queued_at      timestamptz not null default clock_timestamp(),
    check ((status = 'completed') = (completed_on is not null)),
    check (completed_on is null or completed_on >= applied_on),
    unique (offer_id, person_id)
);
create index enrolment_person on enrolment (person_id);
select gt_isolate('enrolment');
