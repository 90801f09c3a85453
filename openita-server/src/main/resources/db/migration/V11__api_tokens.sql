-- Personal API tokens for agencies' own systems. Only a hash of the token is kept; the token is shown once.
create table api_token (
    id           bigint generated always as identity primary key,
    username     text        not null,
    label        text        not null check (length(label) between 1 and 100),
    token_hash   text        not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user on api_token (username);
