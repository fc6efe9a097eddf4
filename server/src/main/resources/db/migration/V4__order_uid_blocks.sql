-- Each server instance takes order uids in blocks of 20 (OrderUids), one sequence call per
-- block instead of per order. Uids stay unique across instances and increase within each one.
alter sequence exchange_order_uid_seq increment by 20;
