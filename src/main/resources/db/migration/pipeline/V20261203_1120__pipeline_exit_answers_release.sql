-- What exit conversations said, counted over the twelve months to today, would change by one
-- conversation whenever one is recorded, edited or leaves the window; who left is public, so two
-- readings either side would say what that person said. The counts are therefore worked out from a
-- copy of the conversations' answers kept at release, and released again only once at least k
-- conversations have come in, changed or gone since.
create table exit_release (
    ics_id      bigint not null default gt_current_ics() references ics (id) primary key,
    released_on date   not null
);
select gt_isolate('exit_release');

create table exit_release_answer (
    ics_id         bigint  not null default gt_current_ics() references ics (id),
    appointment_id bigint  not null references appointment (id) on delete cascade,
    -- the place of the seat, in lower case, or '' for a seat in no place
    place          text    not null check (length(place) <= 200),
    reason         text    not null check (length(reason) <= 40),
    would_return   text    not null check (length(would_return) <= 40),
    handover       boolean not null,
    primary key (ics_id, appointment_id)
);
select gt_isolate('exit_release_answer');
