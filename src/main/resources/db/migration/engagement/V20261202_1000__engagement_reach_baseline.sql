-- Engagement: the workforce an ICS expects its engagement to reach, counted by profession group,
-- place, career stage and sector. Reach compares each group's share of those invited, registered,
-- attended or responded with its share here; where a dimension has no counts, with the register.
-- An import replaces the whole baseline.

create table engagement_baseline (
    id          bigint generated always as identity primary key,
    ics_id      bigint  not null default gt_current_ics() references ics (id),
    dimension   text    not null check (dimension in ('profession_group', 'place', 'career_stage', 'sector')),
    -- a profession group or place as named, a career stage or sector by its code
    group_name  text    not null check (length(trim(group_name)) between 1 and 200),
    headcount   int     not null check (headcount between 0 and 10000000),
    imported_on date    not null,
    unique (ics_id, dimension, group_name)
);
select gt_isolate('engagement_baseline');
