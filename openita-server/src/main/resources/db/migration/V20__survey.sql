-- Survey answers from staff (IIT) and service users (EIT part 1), docs/adr/0021-survey-intake-and-anonymity.md.
--
-- A response row is the answers and the day, nothing else: no account, slip, network address, user agent or time of
-- day. Its id is random, so it carries no order either. The per-question tallies that scoring uses are derived from
-- these rows by a GROUP BY over the answers (never kept in a second table that could drift from them).
-- EIT part 1 rows also keep three quality signals for later analysis; IIT rows keep none (null).
create table survey_response (
    id                  uuid     not null default gen_random_uuid() primary key,
    agency_code         text     not null references agency (code) on delete cascade,
    fiscal_year         integer  not null check (fiscal_year between 2500 and 2700),
    part                text     not null check (part in ('IIT', 'EIT_PUBLIC')),
    answered_on         date     not null,
    answers             jsonb    not null check (jsonb_typeof(answers) = 'object'),
    seconds_to_complete integer  check (seconds_to_complete >= 0),
    identical_answers   boolean,
    burst               smallint check (burst >= 0),
    check (part = 'EIT_PUBLIC' or (seconds_to_complete is null and identical_answers is null and burst is null))
);
create index survey_response_agency on survey_response (fiscal_year, agency_code, part);

-- Single-use IIT slips that have been used: which slip, never which response. Nothing in this table (no time, no
-- id shared with survey_response) joins it to an answer. The primary key spends a slip once.
create table survey_spent_slip (
    fiscal_year integer not null check (fiscal_year between 2500 and 2700),
    agency_code text    not null references agency (code) on delete cascade,
    key_version integer not null,
    serial      integer not null check (serial > 0),
    primary key (fiscal_year, agency_code, key_version, serial)
);

-- How many slips have been printed for an agency's year: the next sheet continues the numbering.
create table survey_slip_issue (
    fiscal_year integer not null check (fiscal_year between 2500 and 2700),
    agency_code text    not null references agency (code) on delete cascade,
    issued      integer not null check (issued >= 0),
    primary key (fiscal_year, agency_code)
);

-- Signing keys: 'SLIP' keys sign the slips of one fiscal year (a new year has a new key, so last year's slips are
-- worthless); the 'FORM' key (fiscal_year 0) signs answer-form tokens and the "already answered" cookie.
create table survey_key (
    purpose     text        not null check (purpose in ('SLIP', 'FORM')),
    fiscal_year integer     not null,
    version     integer     not null check (version > 0),
    secret      bytea       not null check (octet_length(secret) >= 32),
    created_at  timestamptz not null default now(),
    primary key (purpose, fiscal_year, version)
);

-- A fiscal year's surveys closed early by the central administrator (otherwise they close when the
-- SURVEY_COLLECTION phase of the cycle calendar ends).
create table survey_closing (
    fiscal_year integer     not null primary key check (fiscal_year between 2500 and 2700),
    closed_at   timestamptz not null,
    closed_by   text        not null
);
