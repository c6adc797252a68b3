-- A grab bag of changes that look harmless in review.
ALTER TABLE subscriptions ALTER COLUMN email TYPE varchar(320);
ALTER TABLE subscriptions ALTER COLUMN email SET NOT NULL;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE accounts ADD COLUMN region text DEFAULT 'eu';
ALTER TABLE accounts RENAME COLUMN name TO display_name;
