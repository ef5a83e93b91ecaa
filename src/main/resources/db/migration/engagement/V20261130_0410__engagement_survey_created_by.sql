-- Who created a survey, so that a place lead can download the raw responses of their own surveys
-- (and only those). Surveys created before this was kept have no creator: only ICS admins may
-- download theirs.

alter table survey add column created_by bigint references app_user (id) on delete set null;
