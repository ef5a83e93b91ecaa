-- Some background work belongs to a page everyone of several roles may open, not only to whoever
-- started it: loading a survey's answers into memory, which the first analyst to open its results
-- sets off and the next ones wait for too. shown_to names the roles of the ICS that may follow
-- such a job, beside whoever started it and the ICS's administrators, who see every job.
-- A job may also count the responses it loads.

alter table job add column shown_to text[] not null default '{}';

alter table job drop constraint job_measure_check;
alter table job add constraint job_measure_check
    check (measure in ('rows', 'figures', 'parts', 'responses'));
