-- Whether remote servers may be connected to at addresses that do not belong on the public internet (loopback,
-- link-local, private networks): off, a remote domain's DNS cannot make Parley connect into its own network.
ALTER TABLE federation_settings ADD COLUMN private_federation BOOLEAN DEFAULT FALSE NOT NULL;
