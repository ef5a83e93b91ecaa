-- Development: programmes that pair people from the register, their participants with the
-- mentors each mentee ranks, the pairs an administrator locks in or forbids, and the relationships
-- a confirmed matching creates. A person is the people module's; the key keeps a participant from
-- outliving their register entry.

create table programme (
    id                    bigint generated always as identity primary key,
    ics_id                bigint  not null default gt_current_ics() references ics (id),
    name                  text    not null check (length(trim(name)) between 1 and 200),
    kind                  text    not null check (kind in ('mentoring', 'reverse_mentoring', 'coaching',
        'buddying', 'exchange', 'action_learning')),
    -- never pair two people with the same employer
    cross_organisation    boolean not null default true,
    -- how often a pair is expected to check in, and after how many weeks without a meeting it is flagged
    check_in_weeks        integer not null default 4 check (check_in_weeks between 1 and 52),
    quiet_weeks           integer not null default 8 check (quiet_weeks between 1 and 52),
    -- bumped on every change to participants, preferences or rules, so that a proposal made before
    -- the change cannot be confirmed after it
    participants_version  integer not null default 0,
    unique (ics_id, name)
);
select gt_isolate('programme');

create table programme_participant (
    id           bigint generated always as identity primary key,
    ics_id       bigint  not null default gt_current_ics() references ics (id),
    programme_id bigint  not null references programme (id) on delete cascade,
    person_id    bigint  not null references person (id),
    -- in an exchange both sides are 'mentor' (host) and 'mentee' (visitor) only for the optimiser;
    -- pages name them by the programme's kind
    role         text    not null check (role in ('mentor', 'mentee')),
    capacity     integer check (capacity between 1 and 10),
    check (role = 'mentor' or capacity is null),
    unique (programme_id, person_id)
);
create index programme_participant_person on programme_participant (person_id);
select gt_isolate('programme_participant');

create table participant_preference (
    ics_id          bigint  not null default gt_current_ics() references ics (id),
    participant_id  bigint  not null references programme_participant (id) on delete cascade,
    rank            integer not null check (rank between 1 and 5),
    mentor_id       bigint  not null references programme_participant (id) on delete cascade,
    primary key (participant_id, rank),
    unique (participant_id, mentor_id)
);
select gt_isolate('participant_preference');

create table pairing_rule (
    ics_id       bigint not null default gt_current_ics() references ics (id),
    programme_id bigint not null references programme (id) on delete cascade,
    mentor_id    bigint not null references programme_participant (id) on delete cascade,
    mentee_id    bigint not null references programme_participant (id) on delete cascade,
    rule         text   not null check (rule in ('locked', 'forbidden')),
    primary key (mentor_id, mentee_id)
);
select gt_isolate('pairing_rule');

create table relationship (
    id           bigint generated always as identity primary key,
    ics_id       bigint not null default gt_current_ics() references ics (id),
    programme_id bigint not null references programme (id),
    -- the mentor, coach, buddy or host; and the mentee or visitor
    giver_id     bigint not null references person (id),
    receiver_id  bigint not null references person (id),
    -- the preference rank the receiver gave the giver (null when an administrator locked the pair in
    -- without it being ranked)
    rank         integer check (rank between 1 and 5),
    started_on   date   not null,
    ended_on     date,
    check (giver_id <> receiver_id),
    check (ended_on is null or ended_on >= started_on),
    unique (programme_id, giver_id, receiver_id)
);
create index relationship_giver on relationship (giver_id);
create index relationship_receiver on relationship (receiver_id);
select gt_isolate('relationship');
