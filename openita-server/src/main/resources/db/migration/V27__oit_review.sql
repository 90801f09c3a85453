-- OIT review (issue 14, ADR 0038): the assessor's verdict per component of each submitted item, the agency's
-- clarification of an item scored 0, confirmation (which locks) and reopenings by the central administrator.

-- One row per agency, year and item once an assessor has judged it (or the item was confirmed unsubmitted).
-- verdicts: {"1": {"passes": true, "comment": "..."}, ...} by component code of the year's definition.
create table oit_review (
    agency_code  text        not null,
    fiscal_year  integer     not null,
    item_code    text        not null,
    verdicts     jsonb       not null,
    state        text        not null check (state in ('PRELIMINARY', 'CLARIFICATION_FILED', 'DECIDED', 'REOPENED', 'CONFIRMED')),
    judged_by    text        not null,
    judged_at    timestamptz not null,
    decided_by   text,
    decided_at   timestamptz,
    confirmed_by text,
    confirmed_at timestamptz,
    version      integer     not null default 0,
    primary key (agency_code, fiscal_year, item_code)
);
create index oit_review_year on oit_review (fiscal_year, state);

-- The agency's explanation of where the evidence already is at the links it submitted (no new links): one per item.
create table oit_clarification (
    agency_code text        not null,
    fiscal_year integer     not null,
    item_code   text        not null,
    text        text        not null check (char_length(text) between 1 and 2000),
    filed_by    text        not null,
    filed_at    timestamptz not null,
    primary key (agency_code, fiscal_year, item_code)
);

-- A confirmed item opened again by the central administrator, with the reason.
create table oit_reopening (
    id          bigint generated always as identity primary key,
    agency_code text        not null,
    fiscal_year integer     not null,
    item_code   text        not null,
    reopened_by text        not null,
    reopened_at timestamptz not null,
    reason      text        not null check (char_length(reason) between 1 and 1000)
);
create index oit_reopening_item on oit_reopening (agency_code, fiscal_year, item_code);
