-- Pipeline: succession for critical seats and the conversations held when someone leaves a seat,
-- and who put a person in the talent pool, so that a place lead keeps sight of the people they
-- nominated even before those people hold a seat in one of their places.

alter table talent add column added_by bigint references app_user (id) on delete set null;

-- A seat whose sudden vacancy would hurt: the ICS plans who could step into it.
create table critical_seat (
    id        bigint generated always as identity primary key,
    ics_id    bigint not null default gt_current_ics() references ics (id),
    -- a seat is owned by the structure module; its succession plan goes with it
    seat_id   bigint not null references seat (id) on delete cascade,
    reason    text check (length(reason) <= 2000),
    marked_on date   not null default current_date,
    unique (ics_id, seat_id)
);
select gt_isolate('critical_seat');

-- Someone in the register who could take a critical seat, and how soon.
create table successor (
    id               bigint generated always as identity primary key,
    ics_id           bigint not null default gt_current_ics() references ics (id),
    critical_seat_id bigint not null references critical_seat (id) on delete cascade,
    person_id        bigint not null references person (id) on delete cascade,
    readiness        text   not null check (readiness in ('ready_now', 'one_to_two_years', 'three_years_plus')),
    named_on         date   not null default current_date,
    unique (critical_seat_id, person_id)
);
create index successor_person on successor (person_id);
select gt_isolate('successor');

-- The conversation held when an appointment ends: why, whether they would come back, and whether
-- what they knew was handed over. Shown to others only as counts with small-number suppression.
create table exit_conversation (
    id                    bigint generated always as identity primary key,
    ics_id                bigint not null default gt_current_ics() references ics (id),
    appointment_id        bigint not null references appointment (id) on delete cascade,
    held_on               date   not null,
    reason                text   not null check (reason in ('end_of_term', 'workload', 'burnout', 'career_move',
        'retirement', 'relocation', 'other')),
    reason_detail         text check (length(reason_detail) <= 500),
    would_return          text   not null check (would_return in ('yes', 'maybe', 'no')),
    handover              boolean not null,
    -- to someone in the register, or named in words when they are not in it
    handover_to_person_id bigint references person (id) on delete set null,
    handover_to           text check (length(trim(handover_to)) between 1 and 200),
    check (handover or (handover_to_person_id is null and handover_to is null)),
    unique (ics_id, appointment_id)
);
select gt_isolate('exit_conversation');
