-- Catalog: the system of record for news items and their themes.

create table news_item (
    id             varchar(200) primary key,
    source_name    varchar(200) not null,
    source_url     text,
    item_date      date         not null,
    end_date       date,
    title          text         not null,
    summary        text         not null,
    body           text         not null,
    link           text,
    language       varchar(35),
    content_hash   varchar(128) not null,
    -- catalog's own version: +1 for every stored change (correction, re-categorisation, withdrawal)
    version        bigint       not null,
    -- the highest NewsItemIngested.version applied; an equal or lower one is ignored
    ingest_version bigint       not null,
    status         varchar(16)  not null check (status in ('PUBLISHED', 'WITHDRAWN')),
    ingested_at    timestamptz  not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    search         tsvector generated always as (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(body, '')), 'C')) stored
);
create index news_item_search_idx on news_item using gin (search);
create index news_item_date_idx on news_item (item_date desc, id);

-- The taxonomy in force: one row per theme; rules is the JSON the classifier reads.
create table taxonomy_theme (
    slug        varchar(64) primary key,
    title       text        not null,
    description text        not null,
    rules       text        not null,
    revision    bigint      not null,
    updated_at  timestamptz not null
);

-- Every version of every theme; revision is the global taxonomy version (max = current).
create sequence taxonomy_revision_seq;
create table taxonomy_revision (
    revision    bigint primary key,
    slug        varchar(64) not null,
    title       text        not null,
    description text        not null,
    rules       text        not null,
    changed_at  timestamptz not null
);

create table item_theme (
    id      bigint generated always as identity primary key,
    item_id varchar(200)     not null references news_item (id) on delete cascade,
    slug    varchar(64)      not null,
    score   double precision not null,
    -- JSON: the matched words, phrases or acronyms with their weights
    reason  text             not null,
    unique (item_id, slug)
);
create index item_theme_slug_idx on item_theme (slug);

-- Transactional outbox (same columns as a Debezium outbox table, so CDC can take over later).
create table outbox_event (
    id             uuid primary key,
    seq            bigint generated always as identity unique,
    aggregate_type varchar(64)  not null,
    aggregate_id   varchar(200) not null,
    type           varchar(128) not null,
    payload        text         not null,
    -- JSON object of extra Kafka headers, e.g. {"ce_themes": "corruption,cybercrime"}
    headers        text         not null,
    created_at     timestamptz  not null,
    published_at   timestamptz
);
create index outbox_event_unpublished_idx on outbox_event (seq) where published_at is null;
