-- Platform: work that several instances sharing this database must do once between them.
--
-- chore: housekeeping done now and then (expired drafts, sessions, stalled rounds). An instance
-- does a chore only after moving its due_at on in one statement, which two instances cannot both
-- do. Not tenant-isolated: a chore is the platform's, and goes through every ICS in its own scope.
create table chore (
    name       text        primary key check (name ~ '^[a-z][a-z0-9_.]{1,79}$'),
    due_at     timestamptz not null,
    done_by    text,
    claimed_at timestamptz
);

-- lease: long work (a round of emails) an instance has taken on. The instance holds a PostgreSQL
-- advisory lock, keyed by holder, on a connection of its own for as long as it runs; PostgreSQL
-- lets go of it when that connection ends, including when the instance is killed. A lease whose
-- holder's lock is gone is an orphan, which another instance may take over and finish. Not
-- tenant-isolated: the instance looking for orphans does not yet know whose they are; scope_ics
-- names the ICS whose scope the work goes on in (not ics_id: the row is no ICS's data).
create table lease (
    kind     text        not null check (kind ~ '^[a-z][a-z_]{1,59}$'),
    subject  bigint      not null,
    scope_ics bigint references ics (id),
    holder   integer     not null check (holder > 0),
    detail   text        not null default '',
    taken_at timestamptz not null default now(),
    primary key (kind, subject)
);
create index lease_holder on lease (holder);
