-- Engagement: coding free-text answers against a codebook of themes. A comment (one text field
-- of one response) may carry several themes.

create table survey_theme (
    id          bigint generated always as identity primary key,
    ics_id      bigint not null default gt_current_ics() references ics (id),
    survey_id   bigint not null references survey (id),
    name        text   not null check (length(trim(name)) between 1 and 120),
    description text,
    unique (survey_id, name)
);
select gt_isolate('survey_theme');

create table survey_coding (
    ics_id      bigint not null default gt_current_ics() references ics (id),
    response_id bigint not null references survey_response (id),
    -- which text of the response: a text question's code, or <code>_comment / <code>_other
    field       text   not null,
    theme_id    bigint not null references survey_theme (id) on delete cascade,
    primary key (response_id, field, theme_id)
);
create index survey_coding_theme on survey_coding (theme_id);
select gt_isolate('survey_coding');
