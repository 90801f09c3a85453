-- The pre-check queue (issue 14, ADR 0037): what V26 needs for leases taken over, and the guard that lets one server
-- process, not each of them, run a periodic task (the weekly re-check, the daily snapshot retention).

-- Jobs whose process stopped while holding them: found by their lease.
create index oit_fetch_job_leased on oit_fetch_job (locked_until) where state = 'RUNNING';

-- One row per periodic task: when it last ran. A process runs the task only if it moves last_run forward in the same
-- transaction (insert ... on conflict do update ... where the period has passed), so with several processes one runs it.
create table oit_queue_task (
    name     text        primary key,
    last_run timestamptz not null
);
