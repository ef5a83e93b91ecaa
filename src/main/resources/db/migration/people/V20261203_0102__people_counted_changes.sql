-- People: every change to the register's people and appointments is counted (see the platform's
-- change_count), so that copies of the register kept in memory, such as Insight's, are read afresh
-- after it.

create trigger counted before insert or update or delete on person
    for each statement execute function gt_count_change('register');
create trigger counted before insert or update or delete on appointment
    for each statement execute function gt_count_change('register');
