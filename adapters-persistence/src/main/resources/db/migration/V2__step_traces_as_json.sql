-- Step traces are written once per execution and read back whole, never searched inside, so they
-- are kept as the JSON text the server wrote (json) rather than parsed into jsonb's binary tree on
-- every insert: the 10-step invoke benchmark spent a tenth of the database's CPU on that parsing.
-- The JSON operators (->, ->>, json_array_length ...) still work on the column.
alter table executions alter column steps type json using steps::json;
