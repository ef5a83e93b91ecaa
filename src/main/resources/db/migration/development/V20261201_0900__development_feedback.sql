-- Development: 360° feedback and the leader-type reflection.
--
-- Anonymity: a rater's invitation records only that they responded. What they answered is stored
-- apart from it, keyed by round and rater group only: each answer row has a random id, no date or
-- time and no sequence, so neither its id nor its position tells whose or when it is. Comments are
-- rows of their own, so a comment cannot be tied to a set of ratings either. While a rater is still
-- answering, their saved answers sit in a draft tied to their invitation; sending them moves the
-- answers to the anonymous tables and deletes the draft in one transaction. When a round closes,
-- its answers and comments are written again in a random order with new random ids in one
-- transaction, so that nothing the database keeps about a row (its place in the table, the
-- transaction that wrote it) matches the moment an invitation was marked as responded.

-- the ICS's behaviour frameworks, each one JSON document (dimensions, behaviours, scale)
create table feedback_framework (
    id         bigint generated always as identity primary key,
    ics_id     bigint not null default gt_current_ics() references ics (id),
    code       text   not null check (code ~ '^[a-z0-9-]{2,40}$'),
    definition jsonb  not null,
    unique (ics_id, code)
);
select gt_isolate('feedback_framework');

-- the fewest raters a group needs for its answers to show; an ICS may raise it, never below 3
create table feedback_setting (
    ics_id    bigint primary key default gt_current_ics() references ics (id),
    min_raters int   not null check (min_raters between 3 and 20)
);
select gt_isolate('feedback_setting');

create table feedback_round (
    id            bigint generated always as identity primary key,
    ics_id        bigint  not null default gt_current_ics() references ics (id),
    person_id     bigint  not null references person (id),
    -- the framework as it was when the round started: later edits never change a round
    framework     jsonb   not null,
    opened_on     date    not null,
    closes_on     date    not null check (closes_on >= opened_on),
    closed_on     date,
    -- the line manager's answers show on their own (a group of one) only when the round said so
    -- before anyone answered; their raters are told on their first page
    manager_shown boolean not null,
    -- raters also answer the leader-type items about the leader
    leader_type   boolean not null,
    -- the answers have been rewritten in a random order since the round closed
    sealed        boolean not null default false,
    started_by    text    not null
);
create index feedback_round_person on feedback_round (person_id);
select gt_isolate('feedback_round');

create table feedback_invitation (
    id           bigint generated always as identity primary key,
    ics_id       bigint  not null default gt_current_ics() references ics (id),
    round_id     bigint  not null references feedback_round (id) on delete cascade,
    rater_group  text    not null
        check (rater_group in ('line_manager', 'peer', 'direct_report', 'partner', 'patient', 'other')),
    name         text    not null check (length(trim(name)) between 1 and 200),
    email        text    check (length(email) between 3 and 320),
    -- SHA-256 of the link's secret; a new link replaces the old
    token_hash   bytea   not null unique,
    -- all an invitation ever records of an answer
    responded    boolean not null default false,
    emailed_on   date,
    last_sent_on date
);
create unique index feedback_invitation_email on feedback_invitation (round_id, lower(email));
create index feedback_invitation_round on feedback_invitation (round_id);
select gt_isolate('feedback_invitation');

-- a rater's answers while they are still answering; deleted when they send them
create table feedback_draft (
    invitation_id bigint primary key references feedback_invitation (id) on delete cascade,
    ics_id        bigint not null default gt_current_ics() references ics (id),
    answers       jsonb  not null default '{}',
    page          int    not null default 1
);
select gt_isolate('feedback_draft');

-- one rater's ratings: no invitation, no rater, no date, no order
create table feedback_answer (
    id          uuid   primary key default gen_random_uuid(),
    ics_id      bigint not null default gt_current_ics() references ics (id),
    round_id    bigint not null references feedback_round (id) on delete cascade,
    rater_group text   not null,
    -- behaviour code -> rating; leader-type item code -> rating
    ratings     jsonb  not null
);
create index feedback_answer_round on feedback_answer (round_id);
select gt_isolate('feedback_answer');

create table feedback_comment (
    id          uuid   primary key default gen_random_uuid(),
    ics_id      bigint not null default gt_current_ics() references ics (id),
    round_id    bigint not null references feedback_round (id) on delete cascade,
    rater_group text   not null,
    question    text   not null check (question in ('keep', 'change')),
    text        text   not null check (length(trim(text)) between 1 and 2000)
);
create index feedback_comment_round on feedback_comment (round_id);
select gt_isolate('feedback_comment');

-- the leader's own ratings, kept while they answer and after
create table feedback_self (
    round_id     bigint primary key references feedback_round (id) on delete cascade,
    ics_id       bigint not null default gt_current_ics() references ics (id),
    answers      jsonb  not null default '{}',
    page         int    not null default 1,
    submitted_on date
);
select gt_isolate('feedback_self');

-- the accounts (by email) a leader has shared a round's report with: a coach or a mentor
create table feedback_share (
    round_id bigint not null references feedback_round (id) on delete cascade,
    ics_id   bigint not null default gt_current_ics() references ics (id),
    email    text   not null check (length(email) between 3 and 320),
    shared_on date  not null,
    primary key (round_id, email)
);
select gt_isolate('feedback_share');

-- a leader's own reflection on the two axes; nobody else sees it, a cohort sees only counts
create table leader_type_reflection (
    id        bigint generated always as identity primary key,
    ics_id    bigint  not null default gt_current_ics() references ics (id),
    person_id bigint  not null references person (id),
    answers   jsonb   not null,
    ambition  numeric(3, 2) not null check (ambition between 1 and 5),
    politics  numeric(3, 2) not null check (politics between 1 and 5),
    leader_type text  not null check (leader_type in ('steady', 'improver', 'pioneer', 'shaper')),
    taken_on  date    not null
);
create index leader_type_reflection_person on leader_type_reflection (person_id, taken_on);
select gt_isolate('leader_type_reflection');

-- A rater following their link is not signed in, so no ICS is in scope. This function tells which
-- ICS and invitation a link's digest belongs to, and nothing more; as for the pairs' links, it
-- runs as the schema owner, whom the policy below (and only it) lets read the invitations.
create function gt_feedback_by_link(token_hash bytea)
    returns table (ics_id bigint, invitation_id bigint)
    language sql stable security definer set search_path = public
as $$ select i.ics_id, i.id from feedback_invitation i where i.token_hash = $1 $$;

revoke all on function gt_feedback_by_link(bytea) from public;
grant execute on function gt_feedback_by_link(bytea) to ${app_role};

do $$
begin
    execute format('create policy token_lookup on feedback_invitation for select to %I using (true)', current_user);
end
$$;
