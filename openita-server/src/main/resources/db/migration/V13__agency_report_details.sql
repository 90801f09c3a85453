-- What an agency puts on its own reports: its logo (as OpenITA re-encoded it: a PNG of at most 600 px on the long
-- side, without metadata) and who signs the report off (prepared, reviewed, approved: a position, a name if given).
create table agency_logo (
    agency_id  bigint      primary key references agency (id) on delete cascade,
    image      bytea       not null check (octet_length(image) between 1 and 2097152),
    width      integer     not null check (width between 1 and 600),
    height     integer     not null check (height between 1 and 600),
    sha256     text        not null,
    updated_at timestamptz not null default now()
);

create table agency_signatory (
    agency_id  bigint      not null references agency (id) on delete cascade,
    role       text        not null check (role in ('PREPARED', 'REVIEWED', 'APPROVED')),
    name       text        check (char_length(name) between 1 and 150),
    position   text        not null check (char_length(position) between 1 and 150),
    updated_at timestamptz not null default now(),
    primary key (agency_id, role)
);
