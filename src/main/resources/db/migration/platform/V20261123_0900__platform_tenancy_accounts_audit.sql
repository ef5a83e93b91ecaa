-- Platform: tenants (ICSs), accounts, role grants, API tokens and the audit log.
--
-- Tenant isolation: every tenant-owned table has an ics_id column and a row-level-security
-- policy that compares it with the settings the application puts on each connection it
-- borrows (gt.ics_ids: the ICS in scope plus any ICS merged into it). The application works
-- as role ${app_role}, never as the owner, so the policies always apply to it.

do $$
begin
    if not exists (select from pg_roles where rolname = '${app_role}') then
        create role ${app_role} nologin;
    end if;
    if not exists (select from pg_roles where rolname = current_user and rolsuper) then
        execute format('grant ${app_role} to %I', current_user);
    end if;
end
$$;

grant usage on schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};

create function gt_visible_ics() returns bigint[]
    language sql stable parallel safe
as $$ select coalesce(nullif(current_setting('gt.ics_ids', true), ''), '{}')::bigint[] $$;

create function gt_current_ics() returns bigint
    language sql stable parallel safe
as $$ select nullif(current_setting('gt.ics_id', true), '')::bigint $$;

create function gt_platform_scope() returns boolean
    language sql stable parallel safe
as $$ select coalesce(current_setting('gt.platform', true), 'off') = 'on' $$;

-- Puts a tenant-owned table behind the standard isolation policy. Every module calls this
-- for each table it creates that carries ics_id.
create function gt_isolate(target regclass) returns void
    language plpgsql
as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('create policy tenant_isolation on %s using (ics_id = any (gt_visible_ics())) '
                   'with check (ics_id = any (gt_visible_ics()))', target);
end
$$;

create table ics (
    id             bigint generated always as identity primary key,
    ods_code       text        not null unique check (ods_code ~ '^[A-Z0-9]{3,5}$'),
    name           text        not null check (length(trim(name)) between 1 and 200),
    region         text,
    merged_into_id bigint references ics (id),
    merged_at      timestamptz,
    demo           boolean     not null default false,
    created_at     timestamptz not null default now(),
    check (merged_into_id is null or merged_into_id <> id),
    check ((merged_into_id is null) = (merged_at is null))
);

create table app_user (
    id                   bigint generated always as identity primary key,
    email                text        not null check (email ~ '^[^@\s]+@[^@\s]+$'),
    display_name         text        not null,
    password_hash        text,
    failed_sign_ins      integer     not null default 0,
    locked_until         timestamptz,
    disabled             boolean     not null default false,
    created_at           timestamptz not null default now(),
    password_changed_at  timestamptz
);
create unique index app_user_email on app_user (lower(email));

create table role_grant (
    id       bigint generated always as identity primary key,
    user_id  bigint not null references app_user (id) on delete cascade,
    role     text   not null check (role in ('platform_admin', 'ics_admin', 'place_lead', 'member', 'analyst')),
    ics_id   bigint references ics (id),
    places   text[] not null default '{}',
    check ((role = 'platform_admin') = (ics_id is null)),
    check (role = 'place_lead' or cardinality(places) = 0)
);
create unique index role_grant_unique on role_grant (user_id, role, coalesce(ics_id, 0));
create index role_grant_ics on role_grant (ics_id);

create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references app_user (id) on delete cascade,
    name         text        not null,
    token_hash   bytea       not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user on api_token (user_id);

-- The audit log is append-only for the application: it may insert any event but read only its
-- own ICS's events (or platform events when working at platform level), and never change one.
create table audit_event (
    id        bigint generated always as identity primary key,
    ics_id    bigint references ics (id),
    at        timestamptz not null default now(),
    actor_id  bigint,
    actor     text        not null,
    action    text        not null,
    entity    text        not null,
    entity_id text,
    before    jsonb,
    after     jsonb
);
create index audit_event_ics_at on audit_event (ics_id, at desc);
create index audit_event_platform_at on audit_event (at desc) where ics_id is null;

alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy audit_read on audit_event for select
    using (ics_id = any (gt_visible_ics()) or (ics_id is null and gt_platform_scope()));
create policy audit_append on audit_event for insert with check (true);
revoke update, delete, truncate on audit_event from ${app_role};
