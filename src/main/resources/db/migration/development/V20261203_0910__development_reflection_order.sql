-- Development: the order in which relationship reflections were given, so that a programme's
-- average rating can move only in steps of the ICS's smallest group size. (A reflection already
-- names its person and day, so its place in the order tells nobody anything new.)
alter table relationship_reflection add column given_seq bigint generated always as identity;
create index relationship_reflection_seq on relationship_reflection (relationship_id, given_seq);
