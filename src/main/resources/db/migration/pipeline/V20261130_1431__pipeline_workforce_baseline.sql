-- Pipeline: the ICS's workforce, counted by profession group and equality characteristic, as the
-- baseline its leaders' make-up is compared with. Counts of a whole workforce, never of a person.
-- Each import replaces the ICS's baseline whole.
create table workforce_baseline (
    id               bigint generated always as identity primary key,
    ics_id           bigint  not null default gt_current_ics() references ics (id),
    profession_group text    not null check (length(trim(profession_group)) between 1 and 100),
    characteristic   text    not null check (characteristic in ('ethnic_group', 'sex', 'disability')),
    value            text    not null,
    count            integer not null check (count between 0 and 10000000),
    imported_on      date    not null,
    check ((characteristic = 'ethnic_group' and value in ('white', 'mixed', 'asian', 'black', 'other', 'not_stated'))
        or (characteristic = 'sex' and value in ('female', 'male', 'not_stated'))
        or (characteristic = 'disability' and value in ('yes', 'no', 'not_stated'))),
    unique (ics_id, profession_group, characteristic, value)
);
select gt_isolate('workforce_baseline');
