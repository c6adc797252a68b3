import rule from '../../../rules/postgres/ban-drop-database.js';
import { ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    { sql: 'DROP DATABASE analytics;', message: /DROP DATABASE `analytics` deletes every table/ },
    { sql: 'DROP DATABASE IF EXISTS "Staging" WITH (FORCE);', message: /`Staging`/ },
    { sql: 'SELECT 1;\n\nDROP DATABASE old;', line: 3 },
  ],
  valid: [
    'DROP SCHEMA analytics CASCADE;',
    'DROP TABLE analytics;',
    'CREATE DATABASE analytics;',
    'ALTER DATABASE analytics RENAME TO analytics_old;',
  ],
});
