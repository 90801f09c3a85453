-- Publishing an agency's year moves from the measures module (measure_plan.published_at/published_by) to the
-- publication module's own table. A row is a published year; withdrawing deletes it.
-- public_plan is the public's copy of the plan as the agency confirmed it (the fields the public page shows, no people,
-- notes or evidence), taken when the year is published and refreshed when measures reports a confirmation or progress
-- (docs/adr/0016-events-through-the-publication-registry.md). Null until taken: the rows carried over here take theirs on
-- the first read.
create table publication (
    agency_code  text        not null references agency (code) on delete cascade,
    fiscal_year  integer     not null check (fiscal_year between 2500 and 2700),
    published_at timestamptz not null,
    published_by text        not null,
    public_plan  jsonb,
    copied_at    timestamptz,
    primary key (agency_code, fiscal_year)
);

insert into publication (agency_code, fiscal_year, published_at, published_by)
select agency_code, fiscal_year, published_at, coalesce(published_by, '')
from measure_plan
where published_at is not null;

alter table measure_plan drop column published_at, drop column published_by;
