-- An ICS's own small-number threshold; null means the platform's (gt.privacy.min-group-size).
alter table ics add column min_group_size int check (min_group_size between 3 and 100);
