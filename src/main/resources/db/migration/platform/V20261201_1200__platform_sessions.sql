-- Platform: signed-in sessions live in PostgreSQL (Spring Session JDBC), so a person whose next
-- request reaches another instance behind the load balancer stays signed in. The layout is Spring
-- Session's own for PostgreSQL; it is created here rather than by Spring Session at start-up so
-- that the schema owner creates it with everything else, and the application role only reads and
-- writes it.
--
-- Not tenant-isolated, unlike every other table: a session exists before anyone has signed in or
-- chosen an ICS, one person's session may span several ICSs, and it is read by the session filter
-- before any ICS is in scope. Nothing in it is an ICS's data; the attributes hold who signed in and
-- the sign-in page's state. Each row is found only by its random session id.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
