-- The operator's catalog (currencies and routes) keeps when each row last changed: the admin API
-- sets updated_at on every change, and the rates export answers the latest one as Last-Modified.

alter table currency add column updated_at timestamptz not null default now();
alter table route    add column updated_at timestamptz not null default now();

-- A change made with SQL that leaves updated_at alone still moves it, so that Last-Modified
-- never hides a change (a monitor polling with If-Modified-Since would miss it until the next one).
create function catalog_row_touched() returns trigger language plpgsql as $$
begin
    if new.updated_at is not distinct from old.updated_at then
        new.updated_at := clock_timestamp();
    end if;
    return new;
end
$$;

create trigger currency_touched before update on currency
    for each row when (old.* is distinct from new.*) execute function catalog_row_touched();
create trigger route_touched before update on route
    for each row when (old.* is distinct from new.*) execute function catalog_row_touched();

-- xml codes are unique ignoring case: BTC and btc would be one currency to a monitor.
create unique index currency_xml_lower on currency (lower(xml));

-- A route's fields are replaced in one transaction (kept, reordered, added, removed): their
-- positions need only be unique once it commits.
alter table route_field drop constraint route_field_position;
alter table route_field add constraint route_field_position unique (route_id, kind, position) deferrable initially deferred;
