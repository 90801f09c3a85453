-- Which agency a person works for (agency administrators and staff), and which agencies an assessor
-- reviews or a viewer (e.g. a provincial office) may see.
alter table app_user add column agency_code text references agency (code);

create table user_agency_access (
    username    text not null,
    agency_code text not null references agency (code) on delete cascade,
    primary key (username, agency_code)
);
