-- Two grades both called "Damaged", or serials SN-1 and sn-1 of one variant, are one thing written
-- twice: a picker or a scanner could not tell them apart. Unique regardless of case from now on.
create unique index grade_name on grade (lower(name));
create unique index serial_unit_no on serial_unit (variant_id, lower(serial_no));
