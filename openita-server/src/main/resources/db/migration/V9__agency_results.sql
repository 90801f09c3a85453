-- Official results as imported, one row per agency and fiscal year, in the score-input form of
-- docs/schemas/score-input.schema.json. Recomputed figures are derived from it, never stored over it.
create table agency_result (
    agency_code text        not null references agency (code) on delete cascade,
    fiscal_year integer     not null check (fiscal_year between 2500 and 2700),
    input       jsonb       not null,
    imported_at timestamptz not null default now(),
    imported_by text        not null,
    primary key (agency_code, fiscal_year)
);
