-- The audit trail is append-only, enforced by the database itself and not only by the application.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each statement execute function audit_event_is_append_only();
