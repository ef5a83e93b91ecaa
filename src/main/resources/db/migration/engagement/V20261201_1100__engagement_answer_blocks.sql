-- Survey answers as columns, stored in blocks so that results after a restart read them in bulk
-- rather than rebuilding them from a million rows. A block holds the closed answers and numbers of
-- up to 16,384 consecutive responses of one survey, in the order of their ids, a column per slot
-- (a byte or an int per response) and per number question; the last block of a survey is
-- rewritten as it fills. They are a copy of survey_response, kept only for speed: a block that no
-- longer matches the responses is rebuilt from them.
--
-- Anonymity: a block holds answers only. It has no time of arrival, no idempotency key, no public
-- id and no text, and its order is the order of survey_response's own ids, so it ties a response to
-- nobody and to no moment that the responses themselves do not.

create table survey_answer_block (
    ics_id           bigint  not null default gt_current_ics() references ics (id),
    survey_id        bigint  not null references survey (id) on delete cascade,
    block            integer not null check (block >= 0),
    responses        integer not null check (responses between 1 and 16384),
    -- the id of the block's last response, where reading the rows after it starts
    last_response_id bigint  not null,
    columns          bytea   not null,
    primary key (survey_id, block)
);
select gt_isolate('survey_answer_block');
