-- The optional phone check of EIT part 1 (docs/adr/0027-phone-check-for-eit-part-1.md). No phone number is stored:
-- every row names a phone by a keyed HMAC of its number under the fiscal year's 'PHONE' key (survey_key), so the rows
-- of one year say nothing once that key is gone, and nobody without the key can test a number against them.
alter table survey_key drop constraint survey_key_purpose_check;
alter table survey_key add constraint survey_key_purpose_check check (purpose in ('SLIP', 'FORM', 'PHONE'));

-- A code sent by SMS and not yet used: the HMAC of the code, when it stops working, and how many wrong tries are left.
-- Deleted when the right code is entered, when the tries run out, and a day after it expired.
create table survey_phone_code (
    fiscal_year   integer     not null check (fiscal_year between 2500 and 2700),
    agency_code   text        not null references agency (code) on delete cascade,
    phone_hash    bytea       not null check (octet_length(phone_hash) = 32),
    code_hash     bytea       not null check (octet_length(code_hash) = 32),
    expires_at    timestamptz not null,
    attempts_left smallint    not null check (attempts_left >= 0),
    primary key (fiscal_year, agency_code, phone_hash)
);
create index survey_phone_code_expiry on survey_phone_code (expires_at);

-- A phone that has answered an agency's EIT part 1 in a fiscal year, written in the same transaction as the answer.
-- Like survey_spent_slip: no time, no id shared with survey_response, so nothing joins it to the answer it gave.
create table survey_spent_phone (
    fiscal_year integer not null check (fiscal_year between 2500 and 2700),
    agency_code text    not null references agency (code) on delete cascade,
    phone_hash  bytea   not null check (octet_length(phone_hash) = 32),
    primary key (fiscal_year, agency_code, phone_hash)
);

-- How many codes were sent by SMS for an agency on a day (SMS cost money): a count per day, nothing about whom.
create table survey_phone_sends (
    agency_code text    not null references agency (code) on delete cascade,
    sent_on     date    not null,
    sent        integer not null check (sent >= 0),
    primary key (agency_code, sent_on)
);
