-- Step traces are written once per execution and read back whole, never searched inside, so they
-- are kept as the JSON text the server wrote (json) rather than parsed into jsonb's binary tree on
-- every insert: the 10-step invoke benchmark spent about a tenth of the database's CPU on that
-- parsing. The JSON operators (->, ->>, json_array_length ...) still work on the column.
alter table executions alter column steps type json using steps::json;

-- A 10-step trace is about 2 KB, just over the size at which PostgreSQL compresses a row's long
-- values. With lz4 instead of the default pglz, inserting 20,000 real 10-step traces took 185 ms
-- instead of 290 ms, and they take nearly the same room (790 bytes each against 720). A server
-- built without lz4 (it is optional, from PostgreSQL 14 on) keeps its default.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        alter table executions alter column steps set compression lz4;
    end if;
end
$$;
