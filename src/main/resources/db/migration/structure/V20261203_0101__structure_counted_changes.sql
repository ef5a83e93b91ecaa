-- Structure: every change to the ICS map and its forums and seats counts as a change to the
-- register (see the platform's change_count), so that copies of the register kept in memory, such
-- as Insight's, are read afresh after it.

create trigger counted before insert or update or delete on place
    for each statement execute function gt_count_change('register');
create trigger counted before insert or update or delete on neighbourhood
    for each statement execute function gt_count_change('register');
create trigger counted before insert or update or delete on organisation
    for each statement execute function gt_count_change('register');
create trigger counted before insert or update or delete on forum
    for each statement execute function gt_count_change('register');
create trigger counted before insert or update or delete on seat
    for each statement execute function gt_count_change('register');
create trigger counted before insert or update or delete on seat_profession
    for each statement execute function gt_count_change('register');
