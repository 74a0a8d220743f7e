-- Production documents: outputs carry the value their document consumed. An output with a cost
-- share takes `qty × unit_cost` (labour, overhead) plus its share of minus the summed values of
-- the document's consumption entries, shares in proportion to `cost_share` with cumulative
-- rounding so the shares add up to the pool exactly. Re-valued whenever a consumption is.
alter table stock_entry add column cost_share numeric check (cost_share > 0);
create index stock_entry_pooled on stock_entry (document_id) where cost_share is not null;
