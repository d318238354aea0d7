-- One story, one item: every source that carried a story, under the item id ingest gave it. The story is the
-- news_item whose id is the first source's item id; a later source with the same story (same normalised link, or
-- without links on either side the same normalised title and date) is recorded here instead of becoming a second
-- item (catalog-service/README.md, "One story, one item").
create table item_source (
    -- NewsItemIngested.itemId of this source's copy of the story
    ingest_item_id varchar(200) primary key,
    -- the story (news_item) it belongs to; equals ingest_item_id for the source that brought the story first
    item_id        varchar(200) not null references news_item (id) on delete cascade,
    source_name    varchar(200) not null,
    source_url     text,
    link           text,
    -- StoryKeys.linkKey (null: no link of its own) and StoryKeys.titleKey; null title_key: not yet computed
    link_key       text,
    title_key      text,
    item_date      date         not null,
    content_hash   varchar(128) not null,
    -- the highest NewsItemIngested.version of this source applied; an equal or lower one is ignored
    ingest_version bigint       not null,
    status         varchar(16)  not null check (status in ('ACTIVE', 'WITHDRAWN')),
    -- how this source was recognised as the story's: null for the first source
    matched_by     varchar(16) check (matched_by in ('LINK', 'TITLE_AND_DATE')),
    added_at       timestamptz  not null,
    updated_at     timestamptz  not null
);
create index item_source_item_idx on item_source (item_id);
create index item_source_link_idx on item_source (link_key) where link_key is not null;
create index item_source_title_idx on item_source (title_key, item_date);

-- Every stored item is its own first source. Its keys are computed in Java at the next start (StoryKeyBackfill).
insert into item_source (ingest_item_id, item_id, source_name, source_url, link, link_key, title_key, item_date,
                         content_hash, ingest_version, status, matched_by, added_at, updated_at)
select id, id, source_name, source_url, link, null, null, item_date, content_hash, ingest_version,
       case when status = 'WITHDRAWN' then 'WITHDRAWN' else 'ACTIVE' end, null, created_at, updated_at
from news_item;
