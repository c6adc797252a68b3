-- The safe way: its own migration, outside a transaction.
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS subscriptions_created_at_idx ON subscriptions (created_at);
