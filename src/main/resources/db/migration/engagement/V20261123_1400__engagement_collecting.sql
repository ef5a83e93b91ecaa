-- Engagement: collecting responses. Invitations sent by email with single-use tokens, and the
-- drafts respondents save as they go.
--
-- Anonymity: an invitation records only whether its person has responded, never which response is
-- theirs nor when they answered. A draft ties answers to an invitation only until it is submitted;
-- submitting stores the response (with the draft's random idempotency key and nothing else that
-- could identify it) and deletes the draft in the same transaction.

create table survey_invitation (
    id           bigint generated always as identity primary key,
    ics_id       bigint  not null references ics (id),
    survey_id    bigint  not null references survey (id),
    email        text    not null check (length(email) between 3 and 320),
    -- the secret in the link the invitation email carries; it also resumes a saved draft
    token        text    not null,
    responded    boolean not null default false,
    -- emails that reached the mail server: the invitation and any reminders
    sends        int     not null default 0,
    -- the day of the latest send, so that nobody is sent two reminders in one day
    last_sent_on date,
    created_on   date    not null default current_date,
    -- keys carry ics_id, like every tenant's key, so the table can be distributed by ICS
    unique (ics_id, token)
);
create unique index survey_invitation_email on survey_invitation (ics_id, survey_id, lower(email));
-- a respondent's token arrives before anyone knows the ICS
create index survey_invitation_token on survey_invitation (token);
select gt_isolate('survey_invitation');

create table survey_draft (
    id              bigint generated always as identity primary key,
    ics_id          bigint not null references ics (id),
    survey_id       bigint not null references survey (id),
    -- how someone who came by the open link gets back to their answers; null for an invitation
    resume_code     text,
    invitation_id   bigint references survey_invitation (id),
    answers         jsonb  not null default '{}',
    -- the page to come back to; null once every page has been through and only checking is left
    resume_page     int    default 1,
    -- becomes the response's idempotency key, so a form sent twice stores one response
    idempotency_key text   not null,
    saved_on        date   not null default current_date,
    check ((resume_code is null) <> (invitation_id is null)),
    unique (ics_id, survey_id, resume_code),
    unique (ics_id, invitation_id)
);
create index survey_draft_survey on survey_draft (survey_id);
select gt_isolate('survey_draft');

-- Respondents are not signed in, so no ICS is in scope when their link arrives. These functions
-- tell which ICS and survey a token belongs to, and nothing more; the application then works in
-- that ICS's scope as usual. They run as the schema owner, and where that owner is not a
-- superuser the policies below let it (and only it, never the application's role) read the rows.
-- They say $1 rather than the parameter's name, which a column of the same name would shadow.

create function gt_survey_by_link(token text) returns table (ics_id bigint, survey_id bigint)
    language sql stable security definer set search_path = public
as $$ select s.ics_id, s.id from survey s where s.link_token = $1 $$;

create function gt_survey_by_invitation(token text) returns table (ics_id bigint, survey_id bigint)
    language sql stable security definer set search_path = public
as $$ select i.ics_id, i.survey_id from survey_invitation i where i.token = $1 $$;

revoke all on function gt_survey_by_link(text) from public;
revoke all on function gt_survey_by_invitation(text) from public;
grant execute on function gt_survey_by_link(text) to ${app_role};
grant execute on function gt_survey_by_invitation(text) to ${app_role};

do $$
begin
    execute format('create policy token_lookup on survey for select to %I using (true)', current_user);
    execute format('create policy token_lookup on survey_invitation for select to %I using (true)', current_user);
end
$$;
