-- Wrong passwords by network address, to slow down guessing across many accounts (per-account lockout
-- alone does not). Kept in the database so every server process counts the same attempts.
create table sign_in_failure (
    address   text        not null,
    failed_at timestamptz not null default now()
);
create index sign_in_failure_address on sign_in_failure (address, failed_at);
