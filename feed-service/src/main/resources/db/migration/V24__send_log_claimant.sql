-- Which instance claimed a SENDING row: its mails are in doubt as soon as that instance's presence lock (held by
-- its feed-change listener connection) is free, so a restarted or surviving instance reports them UNKNOWN at once
-- instead of after the age rule. Rows claimed before this column existed keep the age rule only.
alter table send_log add column claimed_by varchar(64);
create index send_log_sending on send_log (claimed_at) where status = 'SENDING';
