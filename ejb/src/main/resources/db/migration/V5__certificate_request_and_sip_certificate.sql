-- The UC server's SIP certificate, kept beside the XMPP one (dev.parley.domain.model.certificate.CertificateRole):
-- row 1 is the XMPP certificate, row 2 the SIP certificate, presented to XMPP peers while row 1 is empty.
ALTER TABLE server_certificate DROP CONSTRAINT server_certificate_single_row;
ALTER TABLE server_certificate ADD CONSTRAINT server_certificate_roles CHECK (id IN (1, 2));
INSERT INTO server_certificate (id, version) VALUES (2, 0);

-- The certificate signing request waiting for its CA's reply: one row (id 1), all columns but id and version NULL
-- while none waits. key_sealed holds the PKCS#8 private key as PEM, sealed like server_certificate.credential_sealed;
-- csr_pem is the request as the CA gets it; dns_names one a line.
CREATE TABLE certificate_request (
    id         BIGINT           NOT NULL PRIMARY KEY,
    version    BIGINT           NOT NULL,
    key_sealed VARCHAR(100000),
    algorithm  VARCHAR(16),
    subject    VARCHAR(8192),
    dns_names  VARCHAR(100000),
    csr_pem    VARCHAR(100000),
    created_at TIMESTAMP WITH TIME ZONE,
    created_by VARCHAR(255),
    CONSTRAINT certificate_request_single_row CHECK (id = 1),
    CONSTRAINT certificate_request_all_or_nothing CHECK (
        (key_sealed IS NULL AND algorithm IS NULL AND subject IS NULL AND dns_names IS NULL AND csr_pem IS NULL
         AND created_at IS NULL AND created_by IS NULL)
        OR (key_sealed IS NOT NULL AND algorithm IS NOT NULL AND subject IS NOT NULL AND dns_names IS NOT NULL
            AND csr_pem IS NOT NULL AND created_at IS NOT NULL AND created_by IS NOT NULL))
);

INSERT INTO certificate_request (id, version) VALUES (1, 0);
