-- The full-text vector of an item is no longer computed at insert: to_tsvector over title, summary and body and
-- the GIN insert were most of an item's time on the consumer's path (10,000 demo-shaped rows: ~1.6 s with the
-- generated column, ~0.08 s without; measured 2026-12-06). The column becomes a plain one that SearchIndexer fills
-- right after the commit, in its own transactions: an item is findable a moment after it is stored. NULL = not
-- computed yet. The vector is exactly the former generated expression (news_item_search), so search behaves as
-- before (stems, weights A/B/C).
alter table news_item alter column search drop expression;

create function news_item_search(title text, summary text, body text) returns tsvector
    language sql immutable parallel safe as $$
    select setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
           setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
           setweight(to_tsvector('english', coalesce(body, '')), 'C')
$$;

-- Whoever changes the text (the consumer's batch update, or any later writer) makes the vector stale: clear it, so
-- the indexer computes it again. Updates that leave the text alone (withdrawal, themes, versions) keep it.
create function news_item_search_stale() returns trigger language plpgsql as $$
begin
    new.search := null;
    return new;
end
$$;
create trigger news_item_search_stale before update of title, summary, body on news_item for each row
    when (old.title is distinct from new.title or old.summary is distinct from new.summary
          or old.body is distinct from new.body)
    execute function news_item_search_stale();

-- The indexer's queue: the rows still without a vector (few at any time, so the index stays small).
create index news_item_search_pending_idx on news_item (updated_at) where search is null;
