-- Withdrawn items stay in feed_item; the Atom documents show those withdrawn lately as RFC 6721 deleted entries
-- (feed.tombstones.keep), found by the time of their withdrawn version.
create index feed_item_withdrawn on feed_item (updated_at desc) where status = 'WITHDRAWN';
