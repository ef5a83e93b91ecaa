-- Development: a 360° round, and a leader-type reflection, belong to the leader's address as it was
-- when the round started or the reflection was taken.
--
-- A leader is recognised by the address they sign in with matching their register entry. An ICS
-- administrator can edit register entries, so without this an administrator could set a leader's
-- address to their own and read a report the leader has not shared, or the leader's reflections.
-- A later change to the register entry moves neither.

alter table feedback_round add column leader_email text check (length(leader_email) between 3 and 320);
alter table leader_type_reflection add column taken_as text check (length(taken_as) between 3 and 320);

-- Existing rows of every ICS take their leader's present address; the owner running this is let
-- past row-level security only while it does so.
alter table feedback_round no force row level security;
alter table leader_type_reflection no force row level security;
alter table person no force row level security;
update feedback_round r set leader_email = lower(p.email) from person p where p.id = r.person_id;
update leader_type_reflection r set taken_as = lower(p.email) from person p where p.id = r.person_id;
alter table feedback_round force row level security;
alter table leader_type_reflection force row level security;
alter table person force row level security;
