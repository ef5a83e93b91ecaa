-- Platform: people's data rights. Each ICS may set a retention period after which the people of
-- its register whose last appointment ended that long ago are erased by the daily job; without
-- one nobody is erased for age alone.
alter table ics add column erase_after_years integer check (erase_after_years between 1 and 50);

-- An erasure removes the person from the audit trail as well, while the trail keeps the event
-- itself: who did what and when, with the record before and after replaced by {"erased": true}
-- wherever it named the person (their register entry, or any record that spells out their email
-- or full name), and their email replaced where they were the actor. The application's role may
-- not change the audit log, so this runs as the schema owner, within the ICS the caller has in
-- scope (and in platform-level entries, such as the creation of their account); the erasure that
-- calls it is itself audited.
create function gt_erase_from_audit(person_entity_id text, terms text[]) returns integer
    language plpgsql security definer set search_path = public
as $$
declare
    changed integer;
    platform text := current_setting('gt.platform', true);
begin
    -- platform-level entries (an account's creation, say) may name them too
    perform set_config('gt.platform', 'on', true);
    update audit_event e
       set before = case when e.before is null then null else '{"erased": true}'::jsonb end,
           after  = case when e.after is null then null else '{"erased": true}'::jsonb end,
           actor  = case when lower(e.actor) = any ($2) then 'erased' else e.actor end
     where (e.ics_id = any (gt_visible_ics()) and e.entity = 'person' and e.entity_id = $1)
        or ((e.ics_id = any (gt_visible_ics()) or e.ics_id is null)
            and exists (select from unnest($2) t
                         where position(t in lower(coalesce(e.before::text, '') || ' ' || coalesce(e.after::text, '')
                                                    || ' ' || e.actor)) > 0));
    get diagnostics changed = row_count;
    perform set_config('gt.platform', coalesce(platform, 'off'), true);
    return changed;
end
$$;
revoke all on function gt_erase_from_audit(text, text[]) from public;
grant execute on function gt_erase_from_audit(text, text[]) to ${app_role};

do $$
begin
    execute format('create policy audit_erase on audit_event for update to %I '
                   'using (ics_id = any (gt_visible_ics()) or ics_id is null)',
                   current_user);
end
$$;
