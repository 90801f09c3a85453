-- The measures (มาตรการ) an agency sets after an assessment, and what it records on them through the year.
-- fiscal_year is the assessment year the measures respond to; they run in the year after.
create table measure_plan (
    agency_code  text        not null references agency (code) on delete cascade,
    fiscal_year  integer     not null check (fiscal_year between 2500 and 2700),
    confirmed_at timestamptz,
    confirmed_by text,
    published_at timestamptz,
    published_by text,
    primary key (agency_code, fiscal_year)
);

create table measure (
    id          bigint generated always as identity primary key,
    agency_code text        not null,
    fiscal_year integer     not null,
    position    integer     not null,
    title       text        not null check (length(title) between 1 and 500),
    steps       text        not null default '',
    unit        text,
    owner       text,
    starts_on   date,
    due_on      date,
    addresses   text        not null default '',
    oit_items   text        not null default '',
    status      text        not null default 'NOT_STARTED' check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    version     integer     not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    foreign key (agency_code, fiscal_year) references measure_plan (agency_code, fiscal_year) on delete cascade,
    check (due_on is null or starts_on is null or due_on >= starts_on)
);
create index measure_plan_idx on measure (agency_code, fiscal_year, position);

create table measure_milestone (
    id         bigint generated always as identity primary key,
    measure_id bigint not null references measure (id) on delete cascade,
    label      text   not null check (length(label) between 1 and 300),
    due_on     date   not null,
    reached_on date
);
create index measure_milestone_measure on measure_milestone (measure_id);

create table measure_progress (
    id          bigint generated always as identity primary key,
    measure_id  bigint      not null references measure (id) on delete cascade,
    recorded_at timestamptz not null default now(),
    recorded_on date        not null,
    recorded_by text        not null,
    status      text        not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    note        text        not null default '',
    evidence    text        not null default ''
);
create index measure_progress_measure on measure_progress (measure_id, id);
