-- Requests for a password-reset link, by network address and by the account name asked for (which need not
-- exist), to limit how many links can be asked for in an hour. Kept in the database so every server process
-- counts the same requests; rows older than a day are removed by the hourly cleanup.
create table password_reset_request (
    address      text        not null,
    account      text        not null,
    requested_at timestamptz not null default now()
);
create index password_reset_request_address on password_reset_request (address, requested_at);
create index password_reset_request_account on password_reset_request (account, requested_at);

-- Using one reset link voids the person's other outstanding links.
create index password_reset_outstanding on password_reset (lower(username)) where used_at is null;
