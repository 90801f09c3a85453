-- Password reset by a one-time link. Only a hash of the token is stored.
alter table app_user add column email text;

create table password_reset (
    token_hash char(64)    primary key,
    username   text        not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

-- Mail that OpenITA sends. With no mail server configured it stays here, for the administrator to read
-- and pass on (the outbox page); a configured sender also delivers it.
create table outbox_message (
    id         bigint generated always as identity primary key,
    recipient  text        not null,
    subject    text        not null,
    body       text        not null,
    created_at timestamptz not null default now()
);
