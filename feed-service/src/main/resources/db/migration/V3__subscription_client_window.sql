-- Subscription requests per client (remote address, IPv6 by /64) in the current window: the per-client limit
-- against mail bombs. In the database, so every replica counts against the same limit; rows of windows that are
-- over are deleted every hour (a client address is personal data too).
create table subscription_client (
    client        varchar(64)  primary key,
    window_start  timestamp with time zone not null,
    requests      integer      not null
);
create index subscription_client_window on subscription_client (window_start);
