-- A round of invitation or reminder emails, sent in the background so that a list of thousands
-- does not hold a page open; the page and the API show how far it has got.
--
-- An invitation a round has claimed carries the round's id until its email reaches the mail
-- server. A round that stops moving (the application stopped part way) is marked interrupted, and
-- the invitations it still held are let go, to be sent by the next round.

create table survey_mailing (
    id          bigint generated always as identity primary key,
    ics_id      bigint      not null references ics (id),
    survey_id   bigint      not null references survey (id),
    kind        text        not null check (kind in ('invitations', 'reminders')),
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    -- moved on by every batch: a round that has not moved for minutes is no longer being sent
    progressed_at timestamptz not null default now(),
    to_send     int         not null check (to_send >= 0),
    sent        int         not null default 0,
    not_sent    int         not null default 0,
    interrupted boolean     not null default false,
    check (sent + not_sent <= to_send)
);
create index survey_mailing_survey on survey_mailing (survey_id, id);
create index survey_mailing_unfinished on survey_mailing (id) where finished_at is null;
select gt_isolate('survey_mailing');

alter table survey_invitation add column mailing_id bigint references survey_mailing (id);
create index survey_invitation_mailing on survey_invitation (mailing_id) where mailing_id is not null;
