-- Results computed by OpenITA from its own survey answers live beside imported official ones, one row per agency
-- and year (docs/adr/0026-computed-results-beside-official-ones.md): every reader of results keeps reading one row.
-- source says where the row came from; basis says, for a computed row, how many responses it was computed from, by
-- survey part, e.g. {"IIT": 37, "EIT_PUBLIC": 52}. An official import always replaces a computed row; a computed row
-- never replaces an official one (the upsert in ComputedResults only updates rows whose source is SURVEY).
alter table agency_result
    add column source text  not null default 'OFFICIAL' check (source in ('OFFICIAL', 'SURVEY')),
    add column basis  jsonb check (basis is null or jsonb_typeof(basis) = 'object'),
    add constraint agency_result_basis_of_survey check ((source = 'SURVEY') = (basis is not null));

-- A fiscal year whose survey answers have been scored: when, and why (closed by the central administrator, or the
-- SURVEY_COLLECTION phase ended). The scheduled close inserts here with "on conflict do nothing" and scores only when
-- its insert won, so two server processes score a year once.
create table survey_scoring (
    fiscal_year integer     not null primary key check (fiscal_year between 2500 and 2700),
    scored_at   timestamptz not null,
    reason      text        not null check (reason in ('CLOSED', 'PHASE_ENDED')),
    agencies    integer     not null check (agencies >= 0),
    responses   integer     not null check (responses >= 0)
);
