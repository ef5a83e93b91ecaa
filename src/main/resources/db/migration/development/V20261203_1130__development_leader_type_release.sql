-- A programme's count of leader types changes by one whenever one participant takes a reflection or
-- joins or leaves; its participants are known, so two readings either side would say that person's
-- type, which only they may see. The counts are therefore released, kept, and released again only
-- once at least k participants have changed since.
create table leader_type_release (
    ics_id       bigint not null default gt_current_ics() references ics (id),
    programme_id bigint not null references programme (id) on delete cascade,
    released_on  date   not null,
    primary key (ics_id, programme_id)
);
select gt_isolate('leader_type_release');

-- Whose latest reflection the release counted (which one, not what it said).
create table leader_type_release_member (
    ics_id        bigint not null default gt_current_ics() references ics (id),
    programme_id  bigint not null references programme (id) on delete cascade,
    person_id     bigint not null references person (id) on delete cascade,
    reflection_id bigint not null,
    primary key (ics_id, programme_id, person_id)
);
select gt_isolate('leader_type_release_member');

create table leader_type_release_count (
    ics_id       bigint  not null default gt_current_ics() references ics (id),
    programme_id bigint  not null references programme (id) on delete cascade,
    leader_type  text    not null check (leader_type in ('steady', 'improver', 'pioneer', 'shaper')),
    people       integer not null check (people > 0),
    primary key (ics_id, programme_id, leader_type)
);
select gt_isolate('leader_type_release_count');
