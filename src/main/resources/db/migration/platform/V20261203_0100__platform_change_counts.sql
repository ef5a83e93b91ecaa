-- Platform: how many times each ICS's data of a kind (a "subject", such as its register) has
-- changed, so that an instance holding a copy of that data in memory can tell, with one cheap read
-- in the same transaction as the rest of a request, whether its copy is still the data as it stands.
-- Being rows in the database, the counts are right for every instance sharing it, and a count read
-- in a snapshot always goes with the data seen in that snapshot.
--
-- A module counts changes to its tables with a statement trigger:
--
--   create trigger counted before insert or update or delete on <table>
--       for each statement execute function gt_count_change('<subject>');
--
-- It counts once per transaction, subject and ICSs in view, before the statement's first row is written, so that
-- every writer of an ICS's subject takes the count's row lock before any other, and two writers never
-- wait for each other the other way round. Only the application's own writes are counted: the
-- schema owner's bulk loads (a restore, an ICS import) run while no instance holds a copy, and
-- counting them would make the counts differ from the ones the backup recorded.

create table change_count (
    ics_id  bigint not null default gt_current_ics() references ics (id) on delete cascade,
    subject text   not null,
    changes bigint not null default 0,
    primary key (ics_id, subject)
);
select gt_isolate('change_count');

create function gt_count_change() returns trigger
    language plpgsql
as $$
declare
    counted text := tg_argv[0];
    flag text := 'gt.counted_' || counted;
    visible text := gt_visible_ics()::text;
begin
    if current_user <> '${app_role}' or coalesce(current_setting(flag, true), '') = visible then
        return null;
    end if;
    -- a statement can change only the ICSs row-level security lets it see; sorted so that two
    -- transactions over the same merged ICSs lock their counts in the same order
    insert into change_count as c (ics_id, subject, changes)
    select v, counted, 1 from unnest(gt_visible_ics()) v order by v
        on conflict (ics_id, subject) do update set changes = c.changes + 1;
    perform set_config(flag, visible, true);
    return null;
end
$$;

-- The counts of a subject for the ICSs in view, with which ICSs those are: equal text, same data.
create function change_counts(of_subject text) returns text
    language sql stable
as $$
    select array_to_string(gt_visible_ics(), ',') || ':'
           || coalesce((select string_agg(c.ics_id || '=' || c.changes, ',' order by c.ics_id)
                          from change_count c where c.subject = of_subject), '')
$$;

revoke all on function change_counts(text) from public;
grant execute on function change_counts(text) to ${app_role};
