-- First start of the compose PostgreSQL (docker-entrypoint-initdb.d, run by psql as the superuser):
-- database voting_ledger, one login role vl_<schema> per service and one schema owned by that role.
-- Each service runs its migrations in its own schema and cannot read another service's schema.
-- Passwords come from the environment (VL_<SCHEMA>_DB_PASSWORD); docker-compose.yml passes them
-- with development defaults (vl_<schema>_dev) that only suit a developer machine.
\set ON_ERROR_STOP on

-- every password first: a failed init leaves a data directory that the next start does not re-initialise
\getenv voter_roll_password VL_VOTER_ROLL_DB_PASSWORD
\if :{?voter_roll_password} \else
  DO $$ BEGIN RAISE EXCEPTION 'postgres-init.sql: VL_VOTER_ROLL_DB_PASSWORD is not set'; END $$;
\endif
\getenv turnout_password VL_TURNOUT_DB_PASSWORD
\if :{?turnout_password} \else
  DO $$ BEGIN RAISE EXCEPTION 'postgres-init.sql: VL_TURNOUT_DB_PASSWORD is not set'; END $$;
\endif
\getenv excuses_password VL_EXCUSES_DB_PASSWORD
\if :{?excuses_password} \else
  DO $$ BEGIN RAISE EXCEPTION 'postgres-init.sql: VL_EXCUSES_DB_PASSWORD is not set'; END $$;
\endif
\getenv sanctions_password VL_SANCTIONS_DB_PASSWORD
\if :{?sanctions_password} \else
  DO $$ BEGIN RAISE EXCEPTION 'postgres-init.sql: VL_SANCTIONS_DB_PASSWORD is not set'; END $$;
\endif
\getenv lottery_password VL_LOTTERY_DB_PASSWORD
\if :{?lottery_password} \else
  DO $$ BEGIN RAISE EXCEPTION 'postgres-init.sql: VL_LOTTERY_DB_PASSWORD is not set'; END $$;
\endif
\getenv incentives_password VL_INCENTIVES_DB_PASSWORD
\if :{?incentives_password} \else
  DO $$ BEGIN RAISE EXCEPTION 'postgres-init.sql: VL_INCENTIVES_DB_PASSWORD is not set'; END $$;
\endif

CREATE DATABASE voting_ledger;
REVOKE ALL ON DATABASE voting_ledger FROM PUBLIC;
\connect voting_ledger
REVOKE ALL ON SCHEMA public FROM PUBLIC;

CREATE ROLE vl_voter_roll LOGIN PASSWORD :'voter_roll_password';
CREATE ROLE vl_turnout LOGIN PASSWORD :'turnout_password';
CREATE ROLE vl_excuses LOGIN PASSWORD :'excuses_password';
CREATE ROLE vl_sanctions LOGIN PASSWORD :'sanctions_password';
CREATE ROLE vl_lottery LOGIN PASSWORD :'lottery_password';
CREATE ROLE vl_incentives LOGIN PASSWORD :'incentives_password';

GRANT CONNECT, TEMPORARY ON DATABASE voting_ledger
  TO vl_voter_roll, vl_turnout, vl_excuses, vl_sanctions, vl_lottery, vl_incentives;

CREATE SCHEMA voter_roll AUTHORIZATION vl_voter_roll;
CREATE SCHEMA turnout AUTHORIZATION vl_turnout;
CREATE SCHEMA excuses AUTHORIZATION vl_excuses;
CREATE SCHEMA sanctions AUTHORIZATION vl_sanctions;
CREATE SCHEMA lottery AUTHORIZATION vl_lottery;
CREATE SCHEMA incentives AUTHORIZATION vl_incentives;

ALTER ROLE vl_voter_roll SET search_path = voter_roll;
ALTER ROLE vl_turnout SET search_path = turnout;
ALTER ROLE vl_excuses SET search_path = excuses;
ALTER ROLE vl_sanctions SET search_path = sanctions;
ALTER ROLE vl_lottery SET search_path = lottery;
ALTER ROLE vl_incentives SET search_path = incentives;
