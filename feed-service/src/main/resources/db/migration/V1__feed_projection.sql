-- The projection of news.catalogued: the latest version of every item, withdrawn ones kept (as tombstones
-- that stop an older redelivered version from coming back) but never shown.
create table feed_item (
    item_id      varchar(200) primary key,
    version      bigint       not null,
    source_name  varchar(200) not null,
    source_url   text,
    item_date    date         not null,
    end_date     date,
    title        text         not null,
    summary      text         not null,
    body         text         not null,
    link         text,
    language     varchar(35),
    status       varchar(16)  not null,
    ingested_at  timestamp with time zone,
    updated_at   timestamp with time zone not null
);
create index feed_item_newest on feed_item (item_date desc, ingested_at desc, item_id) where status = 'PUBLISHED';

create table feed_item_theme (
    item_id varchar(200) not null references feed_item (item_id) on delete cascade,
    slug    varchar(100) not null,
    primary key (item_id, slug)
);
create index feed_item_theme_slug on feed_item_theme (slug);

-- Themes learned from events (slug + current title).
create table feed_theme (
    slug  varchar(100) primary key,
    title text         not null
);

-- Last change of each feed document (a theme slug or 'all'): monotonic, so Last-Modified never goes back
-- when the newest item is withdrawn.
create table feed_change (
    feed_key     varchar(100) primary key,
    last_changed timestamp with time zone not null
);
