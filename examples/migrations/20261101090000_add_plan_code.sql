-- Adds a plan code to every subscription.
BEGIN;
ALTER TABLE subscriptions ADD COLUMN plan_code text NOT NULL DEFAULT md5(random()::text);
UPDATE subscriptions SET plan_code = upper(plan_code);
CREATE INDEX subscriptions_plan_code_idx ON subscriptions (plan_code);
COMMIT;
