-- Development: a 360° round belongs to the leader's address as it was when the round started.
--
-- A leader is recognised by the address they sign in with matching their register entry. An ICS
-- administrator can edit register entries, so without this an administrator could set a leader's
-- address to their own and read a report the leader has not shared. Rounds keep the address they
-- started with; a later change to the register entry does not move them.

-- Existing rounds of every ICS take their leader's present address; the owner running this is let
-- past row-level security only while it does so.
alter table feedback_round add column leader_email text check (length(leader_email) between 3 and 320);

alter table feedback_round no force row level security;
alter table person no force row level security;
update feedback_round r set leader_email = lower(p.email) from person p where p.id = r.person_id;
alter table feedback_round force row level security;
alter table person force row level security;
