-- Proxy mode's link may run inside TLS, with the proxy's certificate checked; off for settings stored before.
ALTER TABLE federation_settings ADD COLUMN proxy_tls BOOLEAN DEFAULT FALSE NOT NULL;
