-- History: the schema as it is in production today.
CREATE TABLE accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE subscriptions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id),
  status text NOT NULL DEFAULT 'active',
  email varchar(200),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX subscriptions_account_id_idx ON subscriptions (account_id);
