-- When each subscriber wants digests: hour (0-23) in their time zone (an IANA id such as Europe/Berlin), and the
-- ISO weekday (1 = Monday) of weekly ones. Existing subscribers keep what they had: 06:00 UTC, Mondays.
alter table subscriber add column digest_hour    smallint    not null default 6;
alter table subscriber add column digest_zone    varchar(64) not null default 'UTC';
alter table subscriber add column digest_weekday smallint    not null default 1;
alter table subscriber add constraint subscriber_digest_hour check (digest_hour between 0 and 23);
alter table subscriber add constraint subscriber_digest_weekday check (digest_weekday between 1 and 7);
