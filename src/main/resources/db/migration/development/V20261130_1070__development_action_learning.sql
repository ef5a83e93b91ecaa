-- Development: action learning sets. An action learning programme's participants are members
-- (not mentors or mentees); forming sets places them in numbered sets of 5 to 8 that meet on a
-- schedule. Forming again replaces the programme's sets.

alter table programme_participant drop constraint programme_participant_role_check;
alter table programme_participant add constraint programme_participant_role_check
    check (role in ('mentor', 'mentee', 'member'));

create table learning_set (
    id           bigint generated always as identity primary key,
    ics_id       bigint  not null default gt_current_ics() references ics (id),
    programme_id bigint  not null references programme (id) on delete cascade,
    number       integer not null check (number >= 1),
    unique (programme_id, number)
);
select gt_isolate('learning_set');

create table learning_set_member (
    ics_id    bigint not null default gt_current_ics() references ics (id),
    set_id    bigint not null references learning_set (id) on delete cascade,
    person_id bigint not null references person (id),
    primary key (set_id, person_id)
);
create index learning_set_member_person on learning_set_member (person_id);
select gt_isolate('learning_set_member');

create table learning_set_meeting (
    ics_id   bigint not null default gt_current_ics() references ics (id),
    set_id   bigint not null references learning_set (id) on delete cascade,
    meets_on date   not null,
    primary key (set_id, meets_on)
);
select gt_isolate('learning_set_meeting');
