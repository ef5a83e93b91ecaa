-- Engagement: events such as roundtables, webinars and focus groups, and who registered for them.
--
-- One row per event and email: being invited, registering (by a personal link or the open one),
-- waiting for a place and cancelling move that row along, so one email is one registration however
-- often it is sent. Places are given under a lock on the event row, so that cancellations and
-- registrations arriving together never put more people in than the capacity allows.

create table engagement_event (
    id                 bigint generated always as identity primary key,
    ics_id             bigint      not null default gt_current_ics() references ics (id),
    title              text        not null check (length(trim(title)) between 1 and 200),
    kind               text        not null check (kind in ('roundtable', 'webinar', 'focus_group', 'workshop')),
    -- the tier of the ICS it serves, for counting events held by level
    level              text        not null check (level in ('system', 'place', 'neighbourhood',
                                                              'provider_collaborative', 'clinical_network')),
    description        text,
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    online             boolean     not null,
    -- the address of the room, or the link to join
    location           text        not null check (length(trim(location)) between 1 and 500),
    capacity           int         not null check (capacity > 0),
    registration_closes_at timestamptz not null,
    -- who may come; null for anyone
    segment_id         bigint references engagement_segment (id),
    feedback_survey_id bigint references survey (id),
    -- the secret in the open registration link
    link_token         text        not null unique,
    -- the iCalendar UID, kept so that calendars update the one event
    uid                text        not null unique,
    created_at         timestamptz not null default now(),
    check (ends_at > starts_at),
    check (registration_closes_at <= starts_at)
);
select gt_isolate('engagement_event');

create table engagement_registration (
    id             bigint generated always as identity primary key,
    ics_id         bigint      not null default gt_current_ics() references ics (id),
    event_id       bigint      not null references engagement_event (id),
    email          text        not null check (email ~ '^[^@\s]+@[^@\s]+$'),
    name           text,
    profession     text,
    organisation   text,
    -- invited: sent a personal link, not registered; waitlisted: registered when the event was full
    status         text        not null check (status in ('invited', 'registered', 'waitlisted', 'cancelled')),
    -- the secret in the personal link: it registers, and later cancels
    token          text        not null,
    invited        boolean     not null default false,
    -- the waitlist is served in the order people joined it
    registered_at  timestamptz,
    attendance     text check (attendance in ('attended', 'did_not_attend')),
    reminded       boolean     not null default false,
    unique (ics_id, token)
);
create unique index engagement_registration_email on engagement_registration (ics_id, event_id, lower(email));
create index engagement_registration_token on engagement_registration (token);
create index engagement_registration_event on engagement_registration (event_id, status, registered_at, id);
select gt_isolate('engagement_registration');

-- Notes taken at an event, coded with the themes of a survey's codebook.
create table engagement_event_note (
    id         bigint generated always as identity primary key,
    ics_id     bigint      not null default gt_current_ics() references ics (id),
    event_id   bigint      not null references engagement_event (id),
    text       text        not null check (length(trim(text)) between 1 and 5000),
    created_at timestamptz not null default now()
);
select gt_isolate('engagement_event_note');

create table engagement_event_note_theme (
    ics_id   bigint not null default gt_current_ics() references ics (id),
    note_id  bigint not null references engagement_event_note (id) on delete cascade,
    theme_id bigint not null references survey_theme (id) on delete cascade,
    primary key (note_id, theme_id)
);
select gt_isolate('engagement_event_note_theme');

-- Registrants are not signed in: these tell which ICS and event a link belongs to, and nothing more.
create function gt_event_by_link(token text) returns table (ics_id bigint, event_id bigint)
    language sql stable security definer set search_path = public
as $$ select e.ics_id, e.id from engagement_event e where e.link_token = $1 $$;

create function gt_event_by_registration(token text) returns table (ics_id bigint, event_id bigint)
    language sql stable security definer set search_path = public
as $$ select r.ics_id, r.event_id from engagement_registration r where r.token = $1 $$;

revoke all on function gt_event_by_link(text) from public;
revoke all on function gt_event_by_registration(text) from public;
grant execute on function gt_event_by_link(text) to ${app_role};
grant execute on function gt_event_by_registration(text) to ${app_role};

do $$
begin
    execute format('create policy token_lookup on engagement_event for select to %I using (true)', current_user);
    execute format('create policy token_lookup on engagement_registration for select to %I using (true)', current_user);
end
$$;
