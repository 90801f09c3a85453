-- The registry of assessed agencies and their internal units.
create table agency (
    id               bigint generated always as identity primary key,
    code             text        not null unique,
    name_th          text        not null,
    name_en          text,
    agency_type      text        not null,
    size             text        check (size in ('S', 'M', 'L')),
    assessment_group text,
    parent_code      text,
    province         text,
    district         text,
    website          text,
    staff_count      integer     check (staff_count >= 0),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer     not null default 0
);

create table agency_unit (
    agency_id bigint not null references agency (id) on delete cascade,
    position  integer not null,
    name      text    not null,
    primary key (agency_id, position)
);
