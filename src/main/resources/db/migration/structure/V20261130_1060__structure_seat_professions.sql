-- Structure: the professions a seat that is not open to every profession is meant for, such as a
-- nursing lead's seat open to nurses and midwives. Codes are the people module's reference list of
-- professions (a foreign key keeps them real); structure reads their names through the platform's
-- ProfessionDirectory, never from that table.

create table seat_profession (
    ics_id          bigint not null default gt_current_ics() references ics (id),
    seat_id         bigint not null references seat (id) on delete cascade,
    profession_code text   not null references profession (code),
    primary key (seat_id, profession_code)
);
select gt_isolate('seat_profession');
