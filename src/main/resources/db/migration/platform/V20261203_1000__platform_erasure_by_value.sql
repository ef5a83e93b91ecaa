-- Platform: an erasure clears the audit records that name the person, and no others.
--
-- It used to clear every record whose text merely contained the person's email or full name, in the
-- ICS and at platform level: erasing "Sam Lee" cleared records about "Sam Leeming", and an ICS
-- administrator could add and erase a made-up entry to blank records they may not even read. Now a
-- record names the person when one of its values (at any depth) is their email or full name, or it
-- is about their register entry, or they made it. Platform-level records (an account's creation, say)
-- are cleared only for an account the erasure itself anonymised: one that held roles in this ICS alone.

create function gt_names_any(doc jsonb, terms text[]) returns boolean
    language sql immutable
as $$
    select exists (select from jsonb_path_query(coalesce(doc, 'null'::jsonb), '$.**') v
                    where jsonb_typeof(v) = 'string' and lower(v #>> '{}') = any (terms))
$$;

drop function gt_erase_from_audit(text, text[]);

create function gt_erase_from_audit(person_entity_id text, terms text[], account_terms text[]) returns integer
    language plpgsql security definer set search_path = public
as $$
declare
    changed integer;
    platform text := current_setting('gt.platform', true);
begin
    perform set_config('gt.platform', 'on', true);
    update audit_event e
       set before = case when e.before is null then null else '{"erased": true}'::jsonb end,
           after  = case when e.after is null then null else '{"erased": true}'::jsonb end,
           actor  = case when lower(e.actor) = any (case when e.ics_id is null then $3 else $2 end)
                         then 'erased' else e.actor end
     where (e.ics_id = any (gt_visible_ics())
            and ((e.entity = 'person' and e.entity_id = $1)
                 or gt_names_any(e.before, $2) or gt_names_any(e.after, $2) or lower(e.actor) = any ($2)))
        or (e.ics_id is null and cardinality($3) > 0
            and (gt_names_any(e.before, $3) or gt_names_any(e.after, $3) or lower(e.actor) = any ($3)));
    get diagnostics changed = row_count;
    perform set_config('gt.platform', coalesce(platform, 'off'), true);
    return changed;
end
$$;
revoke all on function gt_erase_from_audit(text, text[], text[]) from public;
grant execute on function gt_erase_from_audit(text, text[], text[]) to ${app_role};
