-- A leader's own development plan: goals they set themselves, each perhaps tied to an offer from the
-- ICS's catalogue. The plan is theirs: nobody else reads it unless they share it by email address.
-- A goal belongs to the address its leader signed in with when they set it (owner_email), as a 360°
-- round does: an administrator who put their own address on the leader's register entry afterwards
-- would otherwise take the plan over.
create table plan_goal (
    id          bigint generated always as identity primary key,
    ics_id      bigint not null default gt_current_ics() references ics (id),
    person_id   bigint not null references person (id) on delete cascade,
    owner_email text   not null check (owner_email = lower(owner_email)),
    title     text   not null check (length(trim(title)) between 1 and 200),
    success   text check (length(success) <= 2000),
    due_on    date,
    offer_id  bigint references offer (id) on delete set null,
    status    text   not null default 'open' check (status in ('open', 'met', 'dropped')),
    added_on  date   not null,
    closed_on date,
    check ((status = 'open') = (closed_on is null))
);
create index plan_goal_person on plan_goal (person_id);
create index plan_goal_owner on plan_goal (owner_email);
select gt_isolate('plan_goal');

-- Who else may read the plan: a mentor, coach or line manager, by the address they sign in with.
create table plan_share (
    ics_id      bigint not null default gt_current_ics() references ics (id),
    person_id   bigint not null references person (id) on delete cascade,
    owner_email text   not null check (owner_email = lower(owner_email)),
    email       text   not null check (email = lower(email) and length(email) between 3 and 320),
    shared_on   date   not null,
    primary key (ics_id, owner_email, email)
);
select gt_isolate('plan_share');
