-- Development: the proposals matching makes, each with the participants version it was made from,
-- so that one made before a change to participants, preferences or rules cannot be confirmed after
-- it; and, once confirmed, by whom and how many of the emails to the pairs went out.

create table pairing_proposal (
    id                    bigint generated always as identity primary key,
    ics_id                bigint      not null default gt_current_ics() references ics (id),
    programme_id          bigint      not null references programme (id) on delete cascade,
    participants_version  integer     not null,
    -- as the API answers it: matched, rank_sum, pairs and unmatched, people by person_ref
    proposal              jsonb       not null,
    made_at               timestamptz not null default now(),
    made_by               text        not null,
    confirmed_at          timestamptz,
    confirmed_by          text,
    -- emails to the people of the confirmed pairs: handed to the mail server, and not (no address,
    -- no mail server set up, or refused)
    emails_sent           integer,
    emails_not_sent       integer
);
create index pairing_proposal_programme on pairing_proposal (programme_id, id desc);
-- a programme's participants, as they stood at one version, are confirmed once
create unique index pairing_proposal_confirmed_once on pairing_proposal (programme_id, participants_version)
    where confirmed_at is not null;
select gt_isolate('pairing_proposal');
