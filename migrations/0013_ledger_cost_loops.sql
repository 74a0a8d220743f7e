-- Incoming entries whose cost is carried (transfers in, production outputs), by key: a re-valuing
-- posting reads the carried layers its keys' outgoing entries consume, to refuse a cost that would
-- depend on itself (src/server/inventory/ledger/cost-cycle.ts). As with stock_entry_value_linked,
-- re-valuation never changes what it indexes, so its rewrites stay HOT.
create index stock_entry_value_linked_in on stock_entry_value (key_id, posted_at) where linked and qty > 0;
