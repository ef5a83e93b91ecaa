-- An invited response must not be traceable to its invitation. Until now the response was inserted
-- and the invitation's "responded" flag set in one transaction, so both rows carried the same xmin
-- (and a responded invitation's xmin fell among the responses of its moment).
--
-- Now nothing is written to an invitation when its person responds. Each invitation starts with a
-- row here, added in the same transaction as the invitation itself (that is, alongside everyone
-- invited with it), and responding deletes that row. A deletion leaves no live row behind to carry
-- the responding transaction's id, so "responded" is simply "no longer unanswered", read when
-- needed, and the invitation row keeps the transaction ids of its creation and its emails only.

create table survey_invitation_unanswered (
    ics_id        bigint not null references ics (id),
    invitation_id bigint not null references survey_invitation (id) on delete cascade,
    primary key (ics_id, invitation_id)
);
create index survey_invitation_unanswered_invitation on survey_invitation_unanswered (invitation_id);

insert into survey_invitation_unanswered (ics_id, invitation_id)
select ics_id, id from survey_invitation where not responded;

select gt_isolate('survey_invitation_unanswered');

alter table survey_invitation drop column responded;

-- Responses are identified outside the database by a random id, so that nobody who can see
-- invitations can read the order responses arrived in from their ids.
alter table survey_response add column public_id uuid not null default gen_random_uuid();
alter table survey_response add constraint survey_response_public_id unique (public_id);
