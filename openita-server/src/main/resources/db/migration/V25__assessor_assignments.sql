-- The agencies an assessor reviews are looked up by the account name in any case (lower(username)), on every page an
-- assessor opens (AgencyAccess) and by the central administrator's assessors page and its import (issue 13, ADR 0031).
-- The primary key (username, agency_code) cannot serve lower(username): without this index each lookup reads the whole
-- table, and importing a national year's 8,300 assignments row by row grew with the square of the table.
create index user_agency_access_lower_username on user_agency_access (lower(username), agency_code);
