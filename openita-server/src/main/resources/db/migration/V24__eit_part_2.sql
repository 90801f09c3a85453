-- EIT part 2: answers collected by assessors in the field (docs/adr/0031-eit-part-2-in-the-field.md).

-- Part 2 answers are survey_response rows of part EIT_SURVEY, scored with the others. Like every response row they
-- hold the answers and the day only: no contact, no assessor, no mode (those are in field_response below).
alter table survey_response drop constraint survey_response_part_check;
alter table survey_response add constraint survey_response_part_check check (part in ('IIT', 'EIT_PUBLIC', 'EIT_SURVEY'));

-- A response sent from an assessor's device, under the identifier the device gave it. The primary key makes a send
-- idempotent: the same identifier stores once however often (and however many times at once) it is sent; the hash of
-- its content tells a resend (same content) from a conflict (different content). The assessor and the mode of contact
-- are kept for the audit and the integrity analytics and are never shown to the agency.
create table field_response (
    id           uuid        not null primary key,
    response_id  uuid        not null unique references survey_response (id) on delete cascade,
    fiscal_year  integer     not null check (fiscal_year between 2500 and 2700),
    agency_code  text        not null references agency (code) on delete cascade,
    assessor     text        not null,
    mode         text        not null check (mode in ('IN_PERSON', 'TELEPHONE', 'VIDEO')),
    content_hash bytea       not null check (octet_length(content_hash) = 32),
    received_at  timestamptz not null
);
create index field_response_assessor on field_response (fiscal_year, assessor);

-- The external stakeholders an agency names for its assessors to contact. The person's details (name, organisation,
-- phone, e-mail) are one sealed value, AES-GCM under the key of openita.field.contact-key (key_id names which key),
-- never stored in the clear. The kind of dealing the person had with the agency and what became of the contact are
-- not personal and stay readable. Every row of a fiscal year is deleted when the year's surveys close (audited).
create table field_contact (
    id          uuid    not null default gen_random_uuid() primary key,
    fiscal_year integer not null check (fiscal_year between 2500 and 2700),
    agency_code text    not null references agency (code) on delete cascade,
    position    integer not null check (position > 0),
    kind        text    not null,
    sealed      bytea   not null,
    key_id      text    not null,
    status      text    not null default 'TO_CONTACT' check (status in ('TO_CONTACT', 'REACHED', 'DECLINED', 'UNREACHABLE')),
    status_on   date,
    unique (fiscal_year, agency_code, position)
);

-- When a year's contact lists were deleted, so that a list uploaded late is refused rather than kept past the close.
create table field_contact_purge (
    fiscal_year integer     not null primary key check (fiscal_year between 2500 and 2700),
    purged_at   timestamptz not null,
    rows_purged integer     not null check (rows_purged >= 0)
);
