-- WebSub hub (W3C WebSub): verified subscriptions and the delivery schedule. Deliveries are rows, so a failing
-- callback's retries survive a restart and every replica claims due rows with FOR UPDATE SKIP LOCKED.

create table websub_subscription (
    id          bigserial    primary key,
    -- one of this service's subscription feed URLs (feed.public-base-url + /feeds/<feed>.<format>)
    topic       varchar(2048) not null,
    callback    varchar(2048) not null,
    -- HMAC key of X-Hub-Signature; null = deliveries are not signed
    secret      varchar(199),
    lease_seconds integer      not null,
    expires_at  timestamptz  not null,
    created_at  timestamptz  not null,
    renewed_at  timestamptz  not null,
    unique (topic, callback)
);
create index websub_subscription_topic on websub_subscription (topic, expires_at);
create index websub_subscription_expires on websub_subscription (expires_at);

create table websub_delivery (
    id              bigserial    primary key,
    subscription_id bigint       not null references websub_subscription (id) on delete cascade,
    topic           varchar(2048) not null,
    -- PENDING (due at next_attempt_at; also while a replica sends it: the claim moves next_attempt_at past the
    -- send timeout) or FAILED (gave up after feed.websub.max-attempts). Delivered rows are deleted.
    status          varchar(16)  not null default 'PENDING',
    attempts        integer      not null default 0,
    -- bumped when the feed changes again while the row is pending: a send that began before that change must
    -- not mark the row done, the subscriber has not seen the newest document yet
    change_seq      integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
-- at most one pending delivery per subscription: changes in a burst coalesce, the newest document is sent
create unique index websub_delivery_one_pending on websub_delivery (subscription_id) where status = 'PENDING';
create index websub_delivery_due on websub_delivery (next_attempt_at) where status = 'PENDING';
