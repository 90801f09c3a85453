-- The JDBC event publication registry of Spring Modulith 2.0.3 (schema version 2, PostgreSQL), as the library ships it in
-- spring-modulith-events-jdbc (org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql). Flyway creates
-- it; the library's own schema initialization stays off. One row per event and listener: completion_date is set once the
-- listener succeeded; rows without it are republished on restart (docs/adr/0016-events-through-the-publication-registry.md).
create table if not exists event_publication
(
  id                     uuid not null,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamp with time zone,
  primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash(serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
