-- People: the day a person was erased. Their row stays, anonymised, so that the appointments,
-- enrolments and other rows that figures count still have someone to belong to.
alter table person add column erased_on date;
