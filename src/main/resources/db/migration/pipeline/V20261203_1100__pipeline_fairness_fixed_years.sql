-- Fairness figures are given for whole financial years, counted once and then kept. Counting again
-- as applications changed (a late appointment, a corrected stage, someone's new answers) would let
-- two readings differ by one person, and the difference would say which group they are in.
create table fairness_year (
    ics_id    bigint  not null default gt_current_ics() references ics (id),
    -- the calendar year the financial year begins in: 2025 is 1 April 2025 to 31 March 2026
    starts_in integer not null check (starts_in between 2000 and 2200),
    fixed_on  date    not null default current_date,
    primary key (ics_id, starts_in)
);
select gt_isolate('fairness_year');

-- The counts are aggregates of special-category data, so they sit behind the same purpose as the
-- answers themselves: only the one reader of figures, with gt.equality set to 'aggregate', sees or
-- writes them (and backups, restores and ICS moves, which set 'write' to copy every row).
-- part is 'ics' (every round), 'level' or 'place', named by part_name.
create table fairness_year_count (
    ics_id         bigint  not null default gt_current_ics() references ics (id),
    starts_in      integer not null,
    characteristic text    not null check (characteristic in ('ethnic_group', 'sex', 'disability')),
    part           text    not null check (part in ('ics', 'level', 'place')),
    part_name      text    not null default '' check (length(part_name) <= 200),
    answer         text    not null check (length(answer) <= 40),
    shortlisted    integer not null check (shortlisted > 0),
    appointed      integer not null check (appointed between 0 and shortlisted),
    primary key (ics_id, starts_in, characteristic, part, part_name, answer),
    foreign key (ics_id, starts_in) references fairness_year (ics_id, starts_in) on delete cascade
);
select gt_isolate('fairness_year_count');
create policy equality_purpose on fairness_year_count as restrictive
    using (current_setting('gt.equality', true) in ('aggregate', 'write'))
    with check (current_setting('gt.equality', true) in ('aggregate', 'write'));
