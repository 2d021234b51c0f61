-- The role that every tenant-scoped transaction switches to with SET LOCAL ROLE. It cannot log in and does not
-- bypass row-level security, so the policies of the next migrations are what decides which rows it sees.
-- Roles are cluster-wide: on a shared Postgres server it may already exist (created by an operator or an
-- earlier database), hence the guard.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_tenant') THEN
    CREATE ROLE app_tenant NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
END
$$;
--> statement-breakpoint
-- The connecting role must be able to switch to it.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'app_tenant', 'MEMBER') THEN
    EXECUTE format('GRANT app_tenant TO %I', current_user);
  END IF;
END
$$;
