-- Page sources and per-source health (issue 15). A source's kind is decided by its first read: FEED (RSS, Atom,
-- JSON Feed; also a page that advertises its feed, then fetch_url is that feed) or PAGE (a listing page read
-- with the page reader). Null until the first successful read.
alter table feed_source add column kind varchar(10);
alter table feed_source add column fetch_url varchar(2048);
alter table feed_source add column format varchar(20);
alter table feed_source add column last_http_status integer;
alter table feed_source add column layout varchar(300);
-- Successful reads in a row that found no item: a page source at 3 is degraded (its layout probably changed).
alter table feed_source add column empty_reads integer not null default 0;
