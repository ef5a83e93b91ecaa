-- Who started a round of invitation or reminder emails, so that the list of recent imports and
-- other work can say so as it does for every other job. Empty for rounds started before this, and
-- for those the application starts itself.

alter table survey_mailing add column started_by bigint references app_user (id) on delete set null;
