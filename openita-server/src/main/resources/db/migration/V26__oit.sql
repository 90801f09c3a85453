-- OIT (issue 14): what an agency submits per item of the year's definition, what OpenITA's pre-check fetched from each
-- link (findings and a snapshot), and the fetch jobs that do it. Verdicts, clarifications and confirmation are V27.

-- One row per agency, year and item: the links (in the agency's order) and a note, a draft until submitted.
create table oit_submission (
    agency_code  text        not null,
    fiscal_year  integer     not null,
    item_code    text        not null,
    links        jsonb       not null default '[]',
    note         text,
    state        text        not null default 'DRAFT' check (state in ('DRAFT', 'SUBMITTED')),
    saved_at     timestamptz not null default now(),
    saved_by     text        not null,
    submitted_at timestamptz,
    submitted_by text,
    -- the note as it was when last submitted (the links as submitted are in oit_submitted_link)
    submitted_note text,
    version      integer     not null default 0,
    primary key (agency_code, fiscal_year, item_code)
);

-- The bytes a fetch received, kept per fiscal year (retention: openita.oit.snapshot-years); one copy per content hash
-- and year, however many checks saw it.
create table oit_snapshot (
    id           bigint generated always as identity primary key,
    fiscal_year  integer     not null,
    sha256       text        not null,
    content_type text,
    size         bigint      not null,
    body         bytea       not null,
    taken_at     timestamptz not null default now(),
    unique (fiscal_year, sha256)
);

-- Each pre-check of one link: what came back and what was found in it.
create table oit_link_check (
    id               bigint generated always as identity primary key,
    agency_code      text        not null,
    fiscal_year      integer     not null,
    item_code        text        not null,
    url              text        not null,
    checked_at       timestamptz not null default now(),
    outcome          text        not null,
    http_status      integer,
    final_url        text,
    on_agency_domain boolean,
    content_type     text,
    size             bigint,
    title            text,
    years_found      jsonb       not null default '[]',
    terms_found      jsonb       not null default '[]',
    warnings         jsonb       not null default '[]',
    snapshot_id      bigint      references oit_snapshot (id) on delete set null
);
create index oit_link_check_latest on oit_link_check (agency_code, fiscal_year, item_code, url, checked_at desc);

-- Fetches waiting or running: a queue several server processes share (FOR UPDATE SKIP LOCKED, a lease that a
-- restarted process takes over when it runs out). At most one waiting or running job per link of an item.
create table oit_fetch_job (
    id           bigint generated always as identity primary key,
    agency_code  text        not null,
    fiscal_year  integer     not null,
    item_code    text        not null,
    url          text        not null,
    host         text        not null,
    reason       text        not null check (reason in ('SAVED', 'SUBMITTED', 'SCHEDULED')),
    state        text        not null default 'QUEUED' check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    attempts     integer     not null default 0,
    run_after    timestamptz not null default now(),
    locked_by    text,
    locked_until timestamptz,
    created_at   timestamptz not null default now(),
    finished_at  timestamptz,
    check_id     bigint      references oit_link_check (id) on delete set null
);
create index oit_fetch_job_ready on oit_fetch_job (run_after) where state = 'QUEUED';
create unique index oit_fetch_job_one_open on oit_fetch_job (agency_code, fiscal_year, item_code, url)
    where state in ('QUEUED', 'RUNNING');

-- The links of an item as submitted, each with the check taken for the submission: what the assessor judges, not what
-- the site shows later. check_id is filled when that fetch finishes.
create table oit_submitted_link (
    agency_code text    not null,
    fiscal_year integer not null,
    item_code   text    not null,
    position    integer not null,
    url         text    not null,
    check_id    bigint  references oit_link_check (id) on delete set null,
    primary key (agency_code, fiscal_year, item_code, position)
);
