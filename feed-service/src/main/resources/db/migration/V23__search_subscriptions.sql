-- Saved searches (/feeds/search.atom?q=...) read the projection with the catalog's query syntax
-- (websearch_to_tsquery('english')) over the same weighted vector as catalog's news_item.search.
alter table feed_item add column search tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(body, '')), 'C')) stored;
create index feed_item_search on feed_item using gin (search);

-- Digests of a saved search ("everything about Libya, weekly"): a subscriber's queries besides its themes. The
-- query is stored normalised (SearchQuery), so one digest per query and period serves every subscriber of it.
create table search_subscription (
    subscriber_id uuid         not null references subscriber (id) on delete cascade,
    query         varchar(200) not null,
    created_at    timestamp with time zone not null,
    primary key (subscriber_id, query)
);
create index search_subscription_query on search_subscription (query);

-- A digest of a query is keyed "search:<query>" in the theme column.
alter table digest alter column theme type varchar(300);
