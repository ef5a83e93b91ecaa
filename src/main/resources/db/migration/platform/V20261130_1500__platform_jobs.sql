-- Platform: long work (large imports) runs as a job in the background. A job records its phase and
-- counts as it goes, so a page or an API client can follow it and come back to its outcome. The
-- instance running a job touches alive_at every few seconds; a job whose instance stopped (a
-- restart, a crash) goes stale and is marked interrupted. Its work was one transaction, so an
-- interrupted job changed nothing.

create table job (
    id           bigint generated always as identity primary key,
    ics_id       bigint      not null default gt_current_ics() references ics (id),
    kind         text        not null check (kind ~ '^[a-z][a-z_]{1,59}$'),
    subject      text        not null check (length(subject) <= 300),
    -- the page where the work was started and its outcome reads best
    link         text        not null check (link ~ '^/ics/'),
    state        text        not null default 'queued'
        check (state in ('queued', 'checking', 'storing', 'done', 'failed', 'interrupted')),
    rows_total   integer check (rows_total >= 0),
    rows_read    integer     not null default 0 check (rows_read >= 0),
    rows_checked integer     not null default 0 check (rows_checked >= 0),
    rows_stored  integer     not null default 0 check (rows_stored >= 0),
    problems     jsonb       not null default '[]',
    result       jsonb,
    started_by   bigint references app_user (id) on delete set null,
    queued_at    timestamptz not null default now(),
    started_at   timestamptz,
    finished_at  timestamptz,
    alive_at     timestamptz not null default now()
);
create index job_recent on job (ics_id, queued_at desc);
select gt_isolate('job');
