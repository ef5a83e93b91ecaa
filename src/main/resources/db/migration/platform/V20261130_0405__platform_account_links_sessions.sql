-- Accounts are claimed, and passwords reset, through one-time links; administrators never choose
-- another person's password.
--
-- shown_to_ics: the ICS whose administrator was shown the link (there was no mail server to send
-- it). Such a link works only while the account holds roles in that ICS alone, so an administrator
-- can never use it to take over an account that has since gained a role elsewhere. Null when the
-- link went only to the person's own mailbox, or was shown to a platform administrator.
create table account_link (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references app_user (id) on delete cascade,
    purpose      text        not null check (purpose in ('claim', 'reset')),
    token_hash   bytea       not null unique,
    shown_to_ics bigint references ics (id),
    issued_by    bigint references app_user (id) on delete set null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index account_link_user on account_link (user_id);

-- Sessions remember the epoch they began in; raising it ends every session of the account
-- (password changed or reset, account switched off, sessions ended by an administrator).
alter table app_user add column session_epoch integer not null default 0;

-- The ICS whose administrator was shown the link the current password was chosen through. That
-- administrator could have used it themselves, so the password is good only while the account
-- lives wholly in that ICS: a role given anywhere else clears it, and the person chooses a new one
-- through a link sent to their own mailbox.
alter table app_user add column password_via_ics bigint references ics (id);
