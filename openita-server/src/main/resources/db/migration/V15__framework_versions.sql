-- Framework definition versions: who loaded each one, and who activated the active one and when. Every
-- version of a year stays stored; activating an older one reverts to it. A null loaded_by or activated_by
-- means the server itself (the definitions shipped with a release, registered at start-up).
alter table framework_definition add column loaded_by text;
alter table framework_definition add column activated_at timestamptz;
alter table framework_definition add column activated_by text;
update framework_definition set activated_at = loaded_at where active;
