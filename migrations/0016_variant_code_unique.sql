-- A variant's code names it in every stock list, the ledger and on serial screens, so no two
-- variants may share one. Codes are made from the item code and the values with spaces removed,
-- so `X L` and `XL`, or `1-2`+`3` and `1`+`2-3`, came out alike; the later of each such pair
-- takes a numbered suffix here, and getOrCreateVariant picks the next free suffix from now on.
with d as (select id, row_number() over (partition by lower(code) order by created_at, id) as n from variant)
update variant v set code = v.code || '-' || d.n from d where d.id = v.id and d.n > 1;
drop index variant_code;
create unique index variant_code on variant (lower(code));
