-- Engagement: the plan. The groups and networks an ICS means to hear from, the activities that
-- reach them (each optionally the survey or event it became), and for a survey or an event the
-- actions taken on what was heard, with a public page that says so.

create table engagement_stakeholder_group (
    id             bigint generated always as identity primary key,
    ics_id         bigint      not null default gt_current_ics() references ics (id),
    name           text        not null check (length(trim(name)) between 1 and 200),
    kind           text        not null check (kind in ('professional_network', 'staff_group', 'trade_union',
                                                        'patient_group', 'education_partner', 'community_group',
                                                        'provider', 'other')),
    -- how many people the group reaches, as far as anyone knows; null when nobody does
    estimated_size int         check (estimated_size >= 0),
    -- the person or role who keeps in touch with the group, in words
    owner          text        check (length(owner) <= 200),
    created_at     timestamptz not null default now()
);
create unique index engagement_stakeholder_group_name on engagement_stakeholder_group (ics_id, lower(name));
select gt_isolate('engagement_stakeholder_group');

create table engagement_activity (
    id         bigint generated always as identity primary key,
    ics_id     bigint      not null default gt_current_ics() references ics (id),
    kind       text        not null check (kind in ('survey', 'roundtable', 'webinar', 'focus_group', 'newsletter',
                                                    'one_to_one')),
    title      text        not null check (length(trim(title)) between 1 and 200),
    starts_on  date        not null,
    ends_on    date        not null,
    -- whom it reaches: a stakeholder group, a segment of the register, or both
    group_id   bigint      references engagement_stakeholder_group (id),
    segment_id bigint      references engagement_segment (id),
    status     text        not null check (status in ('planned', 'under_way', 'done', 'cancelled')),
    owner      text        check (length(owner) <= 200),
    -- what the activity became, when it was run through Golden Thread
    survey_id  bigint      references survey (id),
    event_id   bigint      references engagement_event (id),
    created_at timestamptz not null default now(),
    check (ends_on >= starts_on)
);
create index engagement_activity_when on engagement_activity (ics_id, starts_on);
select gt_isolate('engagement_activity');

-- What an ICS does about a theme it heard in a survey's comments or an event's notes.
create table engagement_action (
    id         bigint generated always as identity primary key,
    ics_id     bigint      not null default gt_current_ics() references ics (id),
    survey_id  bigint      references survey (id),
    event_id   bigint      references engagement_event (id),
    -- the theme that led to it; an action may also answer what was heard in general
    theme_id   bigint      references survey_theme (id) on delete set null,
    what       text        not null check (length(trim(what)) between 1 and 1000),
    owner      text        check (length(owner) <= 200),
    due_on     date,
    status     text        not null check (status in ('planned', 'under_way', 'done')),
    created_at timestamptz not null default now(),
    check ((survey_id is null) <> (event_id is null))
);
create index engagement_action_survey on engagement_action (survey_id);
create index engagement_action_event on engagement_action (event_id);
select gt_isolate('engagement_action');

-- The public "you said, we did" page of a survey or an event. Only the SHA-256 digest of its link's
-- secret is kept: the link is shown once, when published; withdrawing clears the digest.
create table engagement_feedback_page (
    id           bigint generated always as identity primary key,
    ics_id       bigint      not null default gt_current_ics() references ics (id),
    survey_id    bigint      references survey (id),
    event_id     bigint      references engagement_event (id),
    token_hash   bytea       unique,
    published_at timestamptz,
    check ((survey_id is null) <> (event_id is null)),
    check ((token_hash is null) = (published_at is null))
);
create unique index engagement_feedback_page_survey on engagement_feedback_page (ics_id, survey_id);
create unique index engagement_feedback_page_event on engagement_feedback_page (ics_id, event_id);
select gt_isolate('engagement_feedback_page');

-- Readers of a public page are not signed in, so no ICS is in scope: this tells which ICS and page a
-- link's digest belongs to, and nothing more, running as the schema owner whom the policy below
-- (and only it) lets read the pages.
create function gt_feedback_page_by_link(token_hash bytea) returns table (ics_id bigint, page_id bigint)
    language sql stable security definer set search_path = public
as $$ select p.ics_id, p.id from engagement_feedback_page p where p.token_hash = $1 $$;

revoke all on function gt_feedback_page_by_link(bytea) from public;
grant execute on function gt_feedback_page_by_link(bytea) to ${app_role};

do $$
begin
    execute format('create policy token_lookup on engagement_feedback_page for select to %I using (true)',
                   current_user);
end
$$;
