-- Where a survey is in its life. A draft is being prepared: its open link and invitations turn
-- respondents away whatever its dates say, so a survey started from a template or on the pages is
-- not answered before its owners open it. A live survey takes responses between its opening and
-- closing dates. A closed survey was closed by hand and takes none until it is opened again.
-- Surveys that existed before were already taking responses, so they are live.

alter table survey add column status text not null default 'live'
    check (status in ('draft', 'live', 'closed'));
