-- Framework definitions: one YAML document per fiscal year, as loaded. The definitions shipped with
-- OpenITA are registered at start-up; an administrator may later load a corrected one. Exactly one
-- definition is active per fiscal year. Rows are never updated in place except for the active flag.
create table framework_definition (
    id          bigint generated always as identity primary key,
    fiscal_year integer     not null check (fiscal_year between 2500 and 2700),
    version     text        not null,
    sha256      char(64)    not null,
    origin      text        not null check (origin in ('shipped', 'uploaded')),
    content     text        not null,
    loaded_at   timestamptz not null default now(),
    active      boolean     not null default false,
    unique (fiscal_year, sha256)
);

create unique index framework_definition_one_active_per_year
    on framework_definition (fiscal_year) where active;
