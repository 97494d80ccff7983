-- Secure default: federation requires TLS (REQUIRED_IGNORE_CERT_ERRORS: always encrypted, the peer's domain proved by
-- dialback where its certificate cannot prove it) rather than using it only where both sides can. Only the settings
-- of an installation no administrator has saved yet change: a policy someone chose stays.
UPDATE federation_settings
SET tls_policy = 'REQUIRED_IGNORE_CERT_ERRORS'
WHERE id = 1 AND updated_at IS NULL AND tls_policy = 'OPTIONAL';
