-- The time someone gave to one of their appointments in a week (weeks start on Monday), as they
-- recorded it themselves. The appointment's hours used a week follow from these rows.
create table time_entry (
    ics_id         bigint       not null default gt_current_ics() references ics (id),
    appointment_id bigint       not null references appointment (id) on delete cascade,
    week_starting  date         not null check (extract(isodow from week_starting) = 1),
    hours          numeric(4, 1) not null check (hours between 0 and 80),
    primary key (ics_id, appointment_id, week_starting)
);
select gt_isolate('time_entry');

-- How a week in a system role felt, in the person's own words. No timestamp and no identity column:
-- when a check-in was made must not be readable from the row, only the week it is about. It shows only
-- to the address its leader signed in with (leader_email), as a 360° round does: an administrator who
-- put their own address on the leader's register entry afterwards would otherwise read it.
create table wellbeing_check_in (
    ics_id        bigint not null default gt_current_ics() references ics (id),
    person_id     bigint not null references person (id) on delete cascade,
    leader_email  text   not null check (leader_email = lower(leader_email)),
    week_starting date   not null check (extract(isodow from week_starting) = 1),
    workload      text check (workload in ('manageable', 'stretched', 'unmanageable')),
    time_kept     text check (time_kept in ('fully', 'partly', 'not_at_all')),
    note          text check (length(note) <= 2000),
    check (workload is not null or time_kept is not null or note is not null),
    primary key (ics_id, person_id, week_starting, leader_email)
);
select gt_isolate('wellbeing_check_in');

-- A month's figures as first shown to one view (the whole ICS, or a set of places), kept: worked out
-- again later, from a register edited since, they could move by one person and give that person away.
create table time_month_figures (
    ics_id  bigint not null default gt_current_ics() references ics (id),
    scope   text   not null,
    month   date   not null check (extract(day from month) = 1),
    figures jsonb  not null,
    primary key (ics_id, scope, month)
);
select gt_isolate('time_month_figures');
