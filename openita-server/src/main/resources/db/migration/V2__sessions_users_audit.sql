-- Sessions live in PostgreSQL (Spring Session JDBC) so that several server processes share them.
-- Table and column names are the ones Spring Session JDBC reads and writes.
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

-- People who sign in. Survey respondents never have an account.
create table app_user (
    id                   bigint generated always as identity primary key,
    username             text        not null,
    display_name         text        not null,
    password_hash        text        not null,
    role                 text        not null check (role in ('CENTRAL_ADMIN', 'ASSESSOR', 'AGENCY_ADMIN', 'AGENCY_STAFF', 'VIEWER')),
    must_change_password boolean     not null default false,
    failed_attempts      integer     not null default 0,
    locked_until         timestamptz,
    enabled              boolean     not null default true,
    created_at           timestamptz not null default now(),
    version              integer     not null default 0
);
create unique index app_user_username on app_user (lower(username));

-- Every change to the things people manage: who, when, what, before and after. Append-only: the
-- application has no statement that updates or deletes a row here.
create table audit_event (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,
    subject     text        not null,
    before_data jsonb,
    after_data  jsonb
);
create index audit_event_occurred on audit_event (occurred_at desc);
