-- Verification compares what was stamped with the original estimate (seed: "the actual
-- scanned-and-stamped count vs the original estimate"), while the line's quantity is what is
-- authorised now. A verifier's or planner's change to a line once its run has started keeps the
-- quantity the line had before its first such change (0 for a line added once it had started);
-- null: never changed since the run started.
alter table production_order_line add column estimate_qty numeric check (estimate_qty >= 0);
