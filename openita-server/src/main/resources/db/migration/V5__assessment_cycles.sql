-- A yearly assessment cycle and the dates of its phases (both days included, in Asia/Bangkok).
create table assessment_cycle (
    fiscal_year integer     primary key check (fiscal_year between 2500 and 2700),
    created_at  timestamptz not null default now()
);

create table cycle_phase (
    fiscal_year integer not null references assessment_cycle (fiscal_year) on delete cascade,
    phase       text    not null,
    starts_on   date    not null,
    ends_on     date    not null check (ends_on >= starts_on),
    primary key (fiscal_year, phase)
);
