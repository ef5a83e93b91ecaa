-- Assessment: maturity frameworks held as documents, self-assessment cycles that copy the
-- framework they run against, contributors' ratings, the agreed rating, evidence (attached and
-- live), action plans, and the anonymised pool that peer benchmarking reads.

create table framework (
    id         bigint generated always as identity primary key,
    ics_id     bigint      not null default gt_current_ics() references ics (id),
    code       text        not null check (code ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
    definition jsonb       not null,
    updated_at timestamptz not null default now(),
    unique (ics_id, code)
);
select gt_isolate('framework');

-- A cycle keeps its own copy of the framework, so editing the framework later never changes
-- what a cycle asked or what its report says.
create table cycle (
    id             bigint generated always as identity primary key,
    ics_id         bigint      not null default gt_current_ics() references ics (id),
    framework_id   bigint      not null references framework (id),
    title          text        not null check (length(trim(title)) between 1 and 200),
    place_id       bigint      references place (id),
    framework      jsonb       not null,
    opened_on      date        not null,
    closed_on      date,
    -- set while this cycle is the ICS's contribution to peer benchmarking for its framework
    contribution   uuid,
    check (closed_on is null or closed_on >= opened_on),
    unique (ics_id, title)
);
create index cycle_framework on cycle (framework_id);
select gt_isolate('cycle');

create table rating (
    id             bigint generated always as identity primary key,
    ics_id         bigint      not null default gt_current_ics() references ics (id),
    cycle_id       bigint      not null references cycle (id),
    indicator      text        not null,
    user_id        bigint      not null references app_user (id),
    level          int         not null check (level between 1 and 10),
    narrative      text        check (length(narrative) <= 5000),
    rated_at       timestamptz not null default now(),
    unique (cycle_id, indicator, user_id)
);
select gt_isolate('rating');

create table agreed_rating (
    id             bigint generated always as identity primary key,
    ics_id         bigint      not null default gt_current_ics() references ics (id),
    cycle_id       bigint      not null references cycle (id),
    indicator      text        not null,
    level          int         not null check (level between 1 and 10),
    rationale      text        not null check (length(trim(rationale)) between 1 and 5000),
    agreed_by      bigint      not null references app_user (id),
    agreed_at      timestamptz not null default now(),
    unique (cycle_id, indicator)
);
select gt_isolate('agreed_rating');

-- A live figure bound to an indicator. While the cycle is open the value is computed on every
-- read; closing the cycle writes value and shown, and from then on those are what is reported.
create table evidence_binding (
    id             bigint generated always as identity primary key,
    ics_id         bigint      not null default gt_current_ics() references ics (id),
    cycle_id       bigint      not null references cycle (id),
    indicator      text        not null,
    metric         text        not null,
    survey_id      bigint,
    question       text,
    value          numeric,
    shown          text,
    label          text,
    snapshot_at    timestamptz,
    unique nulls not distinct (cycle_id, indicator, metric, survey_id, question)
);
select gt_isolate('evidence_binding');

create table evidence_item (
    id             bigint generated always as identity primary key,
    ics_id         bigint      not null default gt_current_ics() references ics (id),
    cycle_id       bigint      not null references cycle (id),
    indicator      text        not null,
    title          text        not null check (length(trim(title)) between 1 and 200),
    url            text        check (url ~ '^https?://'),
    file_name      text,
    content_type   text,
    content        bytea,
    added_by       bigint      not null references app_user (id),
    added_at       timestamptz not null default now(),
    check ((url is null) <> (content is null))
);
create index evidence_item_cycle on evidence_item (cycle_id);
select gt_isolate('evidence_item');

create table action (
    id             bigint generated always as identity primary key,
    ics_id         bigint      not null default gt_current_ics() references ics (id),
    cycle_id       bigint      not null references cycle (id),
    indicator      text        not null,
    title          text        not null check (length(trim(title)) between 1 and 300),
    owner          text        not null check (length(trim(owner)) between 1 and 200),
    due_on         date        not null,
    status         text        not null default 'not_started'
        check (status in ('not_started', 'in_progress', 'done', 'dropped')),
    updated_at     timestamptz not null default now()
);
create index action_cycle on action (cycle_id);
select gt_isolate('action');

-- Shared across ICSs on purpose: no ics_id, no cycle id, only an opaque contribution id that
-- the contributing ICS keeps on its cycle, so one ICS's latest shared cycle replaces its last.
create table benchmark_rating (
    contribution   uuid        not null,
    framework_code text        not null,
    indicator      text        not null,
    level          int         not null,
    scale_size     int         not null,
    primary key (contribution, indicator)
);
