-- Two lists were stored as text encoded by hand: a subscriber's theme slugs joined with commas (matched by the
-- send log with `',' || themes || ','`) and a digest's item ids joined with newlines. As text[] Hibernate maps them
-- (@JdbcTypeCode(SqlTypes.ARRAY)) and SQL matches a theme with `= any(themes)`. Empty text becomes an empty array.
-- Neither column was indexed (the recipients are found through subscriber_confirmed), so no index is added.
alter table subscriber alter column themes type text[]
    using case when themes = '' then '{}'::text[] else string_to_array(themes, ',') end;

alter table digest alter column item_ids type text[]
    using case when item_ids = '' then '{}'::text[] else string_to_array(item_ids, E'\n') end;
