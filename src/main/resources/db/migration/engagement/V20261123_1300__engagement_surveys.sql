-- Engagement: surveys held as code (their definition as JSON) and their responses.
--
-- Closed answers are kept as one integer per question, by position in the definition: 0 for no
-- answer, n for the n-th option, and for multiple-choice questions a bit per option chosen. That
-- keeps a million responses small enough to count quickly. Free text, "other" text, comments and
-- numbers go alongside, numbers by position and texts in a JSON object keyed by question code.
--
-- For an anonymous survey a response carries nothing that could tie it to a person: no
-- invitation, no address, and only the month it arrived in.

create table survey (
    id             bigint generated always as identity primary key,
    ics_id         bigint      not null default gt_current_ics() references ics (id),
    code           text        not null check (code ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
    title          text        not null check (length(trim(title)) between 1 and 300),
    anonymous      boolean     not null,
    definition     jsonb       not null,
    opens_on       date,
    closes_on      date,
    -- the secret part of the open link respondents use
    link_token     text        not null unique,
    created_at     timestamptz not null default now(),
    check (closes_on is null or opens_on is null or closes_on >= opens_on),
    unique (ics_id, code)
);
select gt_isolate('survey');

create table survey_response (
    id              bigint generated always as identity primary key,
    ics_id          bigint  not null default gt_current_ics() references ics (id),
    survey_id       bigint  not null references survey (id),
    closed          int[]   not null,
    -- answers to number questions, by position; null where there is no answer
    numbers         float8[] not null default '{}',
    texts           jsonb   not null default '{}',
    received_month  date    not null default date_trunc('month', current_date),
    -- a key the sender chooses so that sending the same response twice stores it once
    idempotency_key text,
    unique (survey_id, idempotency_key)
);
create index survey_response_survey on survey_response (survey_id, id);
select gt_isolate('survey_response');
