-- Result imports and their progress, so any server process can answer for any job and a restart leaves no job
-- "running" for ever. The import itself is one transaction in agency_result; this table only says how it went.
create table result_import_job (
    id          text primary key,
    owner       text not null,
    file_name   text not null default '',
    agency_code text,
    state       text not null check (state in ('running', 'done', 'failed')),
    rows_read   integer not null default 0,
    percent     integer not null default 0 check (percent between 0 and 100),
    report      jsonb,
    error_code  text,
    error_th    text,
    error_en    text,
    started_at  timestamptz not null,
    updated_at  timestamptz not null,
    ended_at    timestamptz
);
create index result_import_job_running on result_import_job (updated_at) where state = 'running';
create index result_import_job_ended on result_import_job (ended_at) where ended_at is not null;
