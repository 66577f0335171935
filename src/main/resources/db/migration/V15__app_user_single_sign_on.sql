-- Single sign-on (issue 8): people who sign in with the organisation's OpenID Connect provider get an app_user row
-- on first sign-in (no password); the provider's issuer and subject identify them from then on.
ALTER TABLE app_user
    ADD COLUMN oidc_issuer     TEXT,
    ADD COLUMN oidc_subject    TEXT,
    ADD COLUMN last_sign_in_at TIMESTAMPTZ;
ALTER TABLE app_user ADD CONSTRAINT uq_app_user_oidc UNIQUE (oidc_issuer, oidc_subject);
ALTER TABLE app_user ADD CONSTRAINT chk_app_user_oidc CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
COMMENT ON COLUMN app_user.oidc_subject IS 'Subject at the OpenID Connect provider oidc_issuer; set for single sign-on accounts, which have no password';
