-- Leaders' representation is a count of people holding seats today, so it changes whenever one
-- person is appointed, leaves or gives new answers; two readings either side of that would say which
-- group they are in (who holds a seat is public). So the figures are released, kept, and released
-- again only once at least k people have changed since, as survey results move in steps of k.

-- When the ICS's figures were last released.
create table representation_release (
    ics_id      bigint not null default gt_current_ics() references ics (id) primary key,
    released_on date   not null
);
select gt_isolate('representation_release');

-- Who the released figures counted, and where: profession_group '' is everyone, level 'all' every
-- level together. Who holds which seat is public; this says nothing of anyone's answers.
create table representation_member (
    ics_id           bigint not null default gt_current_ics() references ics (id),
    person_id        bigint not null references person (id) on delete cascade,
    profession_group text   not null check (length(profession_group) <= 100),
    level            text   not null check (length(level) <= 40),
    primary key (ics_id, person_id, profession_group, level)
);
select gt_isolate('representation_member');

-- People among them whose answers changed after the release (not what they changed to).
create table representation_answers_changed (
    ics_id    bigint not null default gt_current_ics() references ics (id),
    person_id bigint not null references person (id) on delete cascade,
    primary key (ics_id, person_id)
);
select gt_isolate('representation_answers_changed');

-- The released counts: aggregates of special-category data, behind the same purpose as the answers.
create table representation_count (
    ics_id           bigint  not null default gt_current_ics() references ics (id),
    profession_group text    not null check (length(profession_group) <= 100),
    level            text    not null check (length(level) <= 40),
    characteristic   text    not null check (characteristic in ('ethnic_group', 'sex', 'disability')),
    answer           text    not null check (length(answer) <= 40),
    people           integer not null check (people > 0),
    primary key (ics_id, profession_group, level, characteristic, answer)
);
select gt_isolate('representation_count');
create policy equality_purpose on representation_count as restrictive
    using (current_setting('gt.equality', true) in ('aggregate', 'write'))
    with check (current_setting('gt.equality', true) in ('aggregate', 'write'));
