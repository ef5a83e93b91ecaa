-- Structure: a neighbourhood or organisation may only point at a place of its own ICS. The foreign
-- keys carry ics_id, so the database refuses a reference into another ICS (foreign key checks do not
-- pass through row-level security, so a guessed place id was enough before), and so the tables can
-- later be distributed by ICS with each ICS's rows kept together.

alter table place add constraint place_ics_id_id_key unique (ics_id, id);

-- Added NOT VALID first, so that rows written before this migration cannot make it fail, then
-- validated. Only an ICS merged into another could hold a row that breaks the rule (the merged
-- footprint sees both ICSs' places); should one exist, the rule applies to new and changed rows
-- only, and a warning says so, until the row is corrected and the constraint validated by hand.
alter table neighbourhood
    drop constraint neighbourhood_place_id_fkey,
    add constraint neighbourhood_place_in_same_ics foreign key (ics_id, place_id) references place (ics_id, id)
        not valid;

alter table organisation
    drop constraint organisation_place_id_fkey,
    add constraint organisation_place_in_same_ics foreign key (ics_id, place_id) references place (ics_id, id)
        not valid;

do $$
declare
    fk record;
begin
    for fk in select conrelid::regclass as tbl, conname from pg_constraint
               where conname in ('neighbourhood_place_in_same_ics', 'organisation_place_in_same_ics') loop
        begin
            execute format('alter table %s validate constraint %I', fk.tbl, fk.conname);
        exception when foreign_key_violation then
            raise warning 'Some rows of % point at a place in another ICS: % holds for new and changed rows only until they are corrected',
                fk.tbl, fk.conname;
        end;
    end loop;
end
$$;
