-- The outbox gets the columns of catalog-service's (service-support's OutboxTable reads both with the same SQL):
-- aggregate_type and headers (extra Kafka headers as a JSON object), seq for insertion order (rows written so far
-- numbered in the order the relay used to read them: created_at, id), type as wide as the catalog's, and the
-- partial index of unpublished rows on seq.
alter table outbox_event add column aggregate_type varchar(64);
update outbox_event set aggregate_type = 'digest';
alter table outbox_event alter column aggregate_type set not null;

alter table outbox_event add column headers text not null default '{}';
alter table outbox_event alter column headers drop default;

alter table outbox_event alter column type type varchar(128);

alter table outbox_event add column seq bigint;
update outbox_event o set seq = r.n
  from (select id, row_number() over (order by created_at, id) as n from outbox_event) r
 where o.id = r.id;
alter table outbox_event alter column seq set not null;
alter table outbox_event alter column seq add generated always as identity;
select setval(pg_get_serial_sequence('outbox_event', 'seq'), coalesce(max(seq), 0) + 1, false) from outbox_event;
alter table outbox_event add constraint outbox_event_seq_key unique (seq);

drop index outbox_event_unpublished;
create index outbox_event_unpublished_idx on outbox_event (seq) where published_at is null;
