-- Development: workplace exchanges. A confirmed exchange pair is a relationship whose giver hosts
-- the first visit and whose receiver hosts the second. Each visit has a day and a place, and an
-- iCalendar UID that never changes, with a sequence bumped on every change, so that a calendar
-- updates the same event. Each person reflects on each visit; what they write is theirs, as
-- relationship notes are. The improvement ideas a pair raises are not private: the ICS sees them
-- and how far each has got. A cohort ends with one closing event for every pair.

create table exchange_visit (
    id              bigint generated always as identity primary key,
    ics_id          bigint  not null default gt_current_ics() references ics (id),
    relationship_id bigint  not null references relationship (id) on delete cascade,
    -- 1: at the giver's workplace, 2: at the receiver's
    number          integer not null check (number in (1, 2)),
    host_id         bigint  not null references person (id),
    visits_on       date    not null,
    place           text    not null check (length(trim(place)) between 1 and 300),
    uid             text    not null unique default (gen_random_uuid()::text || '@goldenthread'),
    sequence        integer not null default 0 check (sequence >= 0),
    unique (relationship_id, number)
);
select gt_isolate('exchange_visit');

create table exchange_reflection (
    ics_id    bigint not null default gt_current_ics() references ics (id),
    visit_id  bigint not null references exchange_visit (id) on delete cascade,
    person_id bigint not null references person (id),
    -- private to the pair
    saw       text   not null check (length(trim(saw)) between 1 and 5000),
    take_back text   not null check (length(trim(take_back)) between 1 and 5000),
    given_on  date   not null,
    primary key (visit_id, person_id)
);
select gt_isolate('exchange_reflection');

create table improvement_idea (
    id              bigint generated always as identity primary key,
    ics_id          bigint not null default gt_current_ics() references ics (id),
    relationship_id bigint not null references relationship (id) on delete cascade,
    -- not private: the point of an exchange is to bring ideas back for the system to see
    title           text   not null check (length(trim(title)) between 1 and 200),
    description     text   check (length(description) <= 2000),
    status          text   not null default 'proposed' check (status in ('proposed', 'tried', 'adopted')),
    raised_by       bigint not null references person (id),
    raised_on       date   not null,
    status_on       date   not null,
    check (status_on >= raised_on)
);
create index improvement_idea_relationship on improvement_idea (relationship_id);
select gt_isolate('improvement_idea');

create table exchange_closing (
    programme_id bigint  primary key references programme (id) on delete cascade,
    ics_id       bigint  not null default gt_current_ics() references ics (id),
    held_on      date    not null,
    place        text    not null check (length(trim(place)) between 1 and 300),
    uid          text    not null unique default (gen_random_uuid()::text || '@goldenthread'),
    sequence     integer not null default 0 check (sequence >= 0)
);
select gt_isolate('exchange_closing');
