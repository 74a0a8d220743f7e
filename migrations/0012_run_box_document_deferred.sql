-- A confirmation records its run rows first and posts the stamp issue they name last, so that the
-- region's stamp balance is locked only for the issue and the commit (stations of one region queue
-- on it). The reference is checked at commit.
alter table run_box alter constraint run_box_document_id_fkey deferrable initially deferred;
