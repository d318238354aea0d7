-- Digests: one per theme and period, ever.
create table digest (
    id          uuid         primary key,
    theme       varchar(100) not null,
    frequency   varchar(10)  not null,
    period_id   varchar(20)  not null,
    from_date   date         not null,
    to_date     date         not null,
    item_ids    text         not null,
    issued_at   timestamp with time zone not null,
    constraint digest_once unique (theme, period_id)
);

-- Transactional outbox (same columns as catalog's, so CDC could take over): id = ce_id.
create table outbox_event (
    id             uuid         primary key,
    aggregate_id   varchar(200) not null,
    type           varchar(200) not null,
    payload        text         not null,
    created_at     timestamp with time zone not null,
    published_at   timestamp with time zone
);
create index outbox_event_unpublished on outbox_event (created_at) where published_at is null;

create table subscriber (
    id                uuid         primary key,
    email             varchar(320) not null,
    frequency         varchar(10)  not null,
    themes            text         not null,
    status            varchar(16)  not null,
    created_at        timestamp with time zone not null,
    confirmed_at      timestamp with time zone,
    window_start      timestamp with time zone not null,
    requests_in_window integer     not null,
    constraint subscriber_email unique (email)
);
create index subscriber_confirmed on subscriber (frequency) where status = 'CONFIRMED';

-- One row per (subscriber, digest): the claim that makes each mail go out at most once.
create table send_log (
    subscriber_id   uuid         not null references subscriber (id) on delete cascade,
    digest_id       uuid         not null references digest (id),
    status          varchar(16)  not null,
    attempts        integer      not null,
    next_attempt_at timestamp with time zone not null,
    claimed_at      timestamp with time zone,
    sent_at         timestamp with time zone,
    last_error      varchar(300),
    primary key (subscriber_id, digest_id)
);
create index send_log_due on send_log (next_attempt_at) where status = 'PENDING';

-- The HMAC key of subscription tokens, created on first start unless feed.token-secret is set.
create table token_secret (
    id     integer primary key,
    secret varchar(100) not null
);
