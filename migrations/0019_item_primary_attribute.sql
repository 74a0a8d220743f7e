-- An item's main axis of variation (typically size): the order its variants are listed in.
-- Optional; one of the item's own attributes (the key below), never its stage attribute (checked
-- by the catalog, which knows which one that is).
alter table item add column primary_attribute_id uuid;
alter table item add constraint item_primary_attribute
  foreign key (id, primary_attribute_id) references item_attribute (item_id, attribute_id);
