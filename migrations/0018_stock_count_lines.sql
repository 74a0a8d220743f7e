-- Which keys each count counted, a line that matched the books (and posted no entry) included. A
-- posting dated before a count on its key would change the figure the count found: it is refused
-- (src/server/inventory/ledger/counted-keys.ts).
create table stock_count_line (
  key_id bigint not null references stock_key (id),
  document_id uuid not null references stock_document (id),
  primary key (key_id, document_id)
);
-- counts posted before this migration: the keys they posted a difference on
insert into stock_count_line (key_id, document_id)
select distinct e.key_id, e.document_id from stock_entry e join stock_document d on d.id = e.document_id
where d.type = 'count' and e.reverses_entry_id is null
on conflict do nothing;
