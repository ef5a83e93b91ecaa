-- The cycle a closed cycle is compared with is fixed when it closes, so a cycle closed or
-- back-dated later can never change an earlier cycle's report.
alter table cycle add column previous_cycle_id bigint references cycle (id);
