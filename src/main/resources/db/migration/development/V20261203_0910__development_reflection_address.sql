-- Development: a leader-type reflection shows only to the address that took it.
--
-- As with 360° rounds, the leader is recognised by their register address, which an ICS
-- administrator can edit; each reflection keeps the address it was taken with, so pointing a
-- register entry at another address shows that address none of the earlier reflections.

alter table leader_type_reflection add column taken_as text check (length(taken_as) between 3 and 320);

alter table leader_type_reflection no force row level security;
alter table person no force row level security;
update leader_type_reflection r set taken_as = lower(p.email) from person p where p.id = r.person_id;
alter table leader_type_reflection force row level security;
alter table person force row level security;
