-- Pipeline: the talent pool, recruitment rounds for seats and their applications, and the
-- voluntary equality answers that show whether recruitment is fair. Succession, exits and the
-- workforce baseline come in their own migrations.

create table talent (
    id                 bigint generated always as identity primary key,
    ics_id             bigint  not null default gt_current_ics() references ics (id),
    -- a person is owned by the people module; someone in the pool is in the register, perhaps
    -- without any appointment
    person_id          bigint  not null references person (id),
    origin             text    not null check (origin in ('interest', 'nomination', 'recruitment')),
    nominated_by       text check (length(trim(nominated_by)) between 1 and 200),
    nomination_reason  text check (length(nomination_reason) <= 2000),
    levels             text[]  not null default '{}'
        check (levels <@ array['system', 'place', 'neighbourhood', 'provider_collaborative', 'clinical_network']),
    forum_kinds        text[]  not null default '{}',
    topics             text check (length(topics) <= 2000),
    readiness          text    not null check (readiness in ('ready_now', 'one_to_two_years', 'three_years_plus')),
    development_needs  text check (length(development_needs) <= 2000),
    consent_to_contact boolean not null default false,
    review_on          date,
    added_on           date    not null default current_date,
    check (origin <> 'nomination' or nominated_by is not null),
    unique (ics_id, person_id)
);
select gt_isolate('talent');

create table recruitment_round (
    id               bigint generated always as identity primary key,
    ics_id           bigint not null default gt_current_ics() references ics (id),
    -- a seat is owned by the structure module; a round for a seat that is removed goes with it
    seat_id          bigint not null references seat (id) on delete cascade,
    role_description text check (length(role_description) <= 10000),
    opens_on         date   not null,
    closes_on        date   not null,
    created_on       date   not null default current_date,
    check (closes_on >= opens_on)
);
create index recruitment_round_seat on recruitment_round (seat_id);
select gt_isolate('recruitment_round');

create table recruitment_application (
    id             bigint generated always as identity primary key,
    ics_id         bigint not null default gt_current_ics() references ics (id),
    round_id       bigint not null references recruitment_round (id) on delete cascade,
    -- the recruitment system's own reference: importing it again updates the application
    applicant_ref  text   not null check (length(trim(applicant_ref)) between 1 and 60),
    person_id      bigint references person (id),
    given_name     text   not null check (length(trim(given_name)) between 1 and 100),
    family_name    text   not null check (length(trim(family_name)) between 1 and 100),
    email          text check (email ~ '^[^@\s]+@[^@\s]+$'),
    profession     text   not null references profession (code),
    career_stage   text check (career_stage in ('student', 'early', 'mid', 'senior')),
    -- the furthest stage reached; appointed implies shortlisted
    stage          text   not null check (stage in ('applied', 'shortlisted', 'appointed', 'withdrawn')),
    appointment_id bigint references appointment (id) on delete set null,
    unique (ics_id, round_id, applicant_ref)
);
create index recruitment_application_round on recruitment_application (round_id);
select gt_isolate('recruitment_application');

-- Equality answers are special-category data. They live apart from the person and the
-- application, carry no timestamp, and sit behind a second, restrictive policy: a session sees
-- them only while gt.equality is 'aggregate' (figures with small-number suppression) or 'write'
-- (recording someone's own answers). Any other query in the application reads no rows at all.
create table equality_answer (
    id             bigint generated always as identity primary key,
    ics_id         bigint not null default gt_current_ics() references ics (id),
    application_id bigint unique references recruitment_application (id) on delete cascade,
    person_id      bigint unique references person (id) on delete cascade,
    ethnic_group   text   not null default 'not_stated'
        check (ethnic_group in ('white', 'mixed', 'asian', 'black', 'other', 'not_stated')),
    sex            text   not null default 'not_stated' check (sex in ('female', 'male', 'not_stated')),
    disability     text   not null default 'not_stated' check (disability in ('yes', 'no', 'not_stated')),
    check ((application_id is null) <> (person_id is null))
);
select gt_isolate('equality_answer');
create policy equality_purpose on equality_answer as restrictive
    using (current_setting('gt.equality', true) in ('aggregate', 'write'))
    with check (current_setting('gt.equality', true) = 'write');
