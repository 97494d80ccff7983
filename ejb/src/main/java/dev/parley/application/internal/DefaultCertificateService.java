package dev.parley.application.internal;

import dev.parley.application.CertificateService;
import dev.parley.application.ServedDomain;
import dev.parley.application.FederationAudit;
import dev.parley.application.FederationConfigurationChanged;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.certificate.CertificateFacts;
import dev.parley.domain.model.certificate.CertificateGenerator;
import dev.parley.domain.model.certificate.CertificateInfo;
import dev.parley.domain.model.certificate.CertificateRequest;
import dev.parley.domain.model.certificate.CertificateRequestInfo;
import dev.parley.domain.model.certificate.CertificateRequestRepository;
import dev.parley.domain.model.certificate.CertificateRole;
import dev.parley.domain.model.certificate.CertificateRules;
import dev.parley.domain.model.certificate.ChainCertificate;
import dev.parley.domain.model.certificate.CredentialPem;
import dev.parley.domain.model.certificate.InvalidCertificateException;
import dev.parley.domain.model.certificate.KeyAlgorithm;
import dev.parley.domain.model.certificate.RequestedNames;
import dev.parley.domain.model.certificate.ServerCertificate;
import dev.parley.domain.model.certificate.ServerCertificateRepository;
import dev.parley.domain.model.certificate.TrustedCa;
import dev.parley.domain.model.certificate.TrustedCaInfo;
import dev.parley.domain.model.certificate.TrustedCaNotFoundException;
import dev.parley.domain.model.certificate.TrustedCaRepository;
import dev.parley.infrastructure.security.SecretSealer;
import dev.parley.xmpp.tls.Certificates;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.ServerCredentials;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps the server certificates (their keys sealed), the waiting certificate signing request (its key sealed) and the
 * trusted CAs, audits every change, and announces it so that the engine follows. Nothing it logs, audits or throws
 * holds key material or a password.
 */
@Stateless
public class DefaultCertificateService implements CertificateService {

    /** Largest key store or PEM text accepted; a server certificate with its chain is a few KiB. */
    static final int MAX_INPUT = 256 * 1024;
    /** How long a self-signed trial certificate is valid. */
    static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(365);

    private static final System.Logger LOG = System.getLogger(DefaultCertificateService.class.getName());
    private static final String UNREADABLE = "the stored key cannot be opened (was Parley's secret key file replaced?):"
            + " it is not presented to peers; import it again";

    @Inject
    ServerCertificateRepository certificates;

    @Inject
    CertificateRequestRepository requests;

    @Inject
    TrustedCaRepository trustedCas;

    @Inject
    CertificateGenerator generator;

    @Inject
    SecretSealer sealer;

    @Inject
    FederationAudit audit;

    @Inject
    Event<FederationConfigurationChanged> changed;

    Clock clock = Clock.systemUTC();

    @Inject
    ServedDomain servedDomain;

    @Override
    public Optional<CertificateInfo> current(CertificateRole role) {
        ServerCertificate row = certificates.get(role);
        return row.facts().flatMap(facts -> {
            List<String> remarks = new ArrayList<>(
                    CertificateRules.serverCertificateRemarks(facts, Instant.now(clock), servedDomain.name()));
            Optional<ServerCredential> opened = opened(row);
            if (opened.isEmpty()) {
                remarks.add(0, UNREADABLE);
            }
            return row.info(opened.map(DefaultCertificateService::chainOf).orElse(List.of()), remarks);
        });
    }

    @Override
    public Optional<CertificateRole> presented() {
        return presentedCredential().map(Presented::role);
    }

    @Override
    public CertificateInfo importPkcs12(CertificateRole role, byte[] keystore, String password, String who)
            throws InvalidCertificateException {
        List<String> problems = new ArrayList<>();
        if (keystore == null || keystore.length == 0) {
            problems.add("the PKCS#12 key store is missing");
        } else if (keystore.length > MAX_INPUT) {
            problems.add(tooLarge("the PKCS#12 key store", keystore.length + " bytes"));
        }
        if (password == null) {
            problems.add("the password of the PKCS#12 key store is missing (an empty one for a key store without)");
        }
        throwIf(problems);
        char[] secret = password.toCharArray();
        try {
            return store(role, loaded(() -> ServerCredentials.fromPkcs12(keystore, secret)), who, "imported");
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    @Override
    public CertificateInfo importPem(CertificateRole role, String privateKeyPem, String chainPem, String who)
            throws InvalidCertificateException {
        List<String> problems = new ArrayList<>();
        requireText(privateKeyPem, "the private key", problems);
        requireText(chainPem, "the certificate chain", problems);
        throwIf(problems);
        return store(role, loaded(() -> ServerCredentials.fromPem(privateKeyPem, chainPem)), who, "imported");
    }

    @Override
    public void remove(CertificateRole role, String who) {
        ServerCertificate row = certificates.getForChange(role);
        Optional<CertificateFacts> removed = row.facts();
        if (removed.isEmpty()) {
            return;
        }
        row.clear();
        certificates.flush();
        audit.record(AuditRecord.settingsChanged(Instant.now(clock),
                who + " removed the " + role.displayName() + " " + removed.get().summary()));
        changed.fire(new FederationConfigurationChanged(who));
    }

    @Override
    public CertificateRequestInfo requestCertificate(KeyAlgorithm algorithm, List<String> dnsNames, String who)
            throws InvalidCertificateException {
        RequestedNames names = requestedNames(algorithm, dnsNames);
        KeyPair keys = generator.keyPair(algorithm);
        String csr = generator.signingRequest(keys, algorithm, names.names());
        String sealedKey = sealer.seal(ServerCredentials.privateKeyPem(keys.getPrivate()), SecretSealer.Purpose.REQUEST_KEY);
        Instant now = Instant.now(clock);
        CertificateRequest row = requests.getForChange();
        Optional<CertificateRequestInfo> replaced = row.info();
        row.replace(sealedKey, algorithm, names.subject(), names.names(), csr, who, now);
        requests.flush();
        CertificateRequestInfo request = row.info().orElseThrow();
        audit.record(AuditRecord.settingsChanged(now, who + " generated a certificate signing request ("
                + request.summary() + ")" + replaced.map(old -> " in place of the one of " + old.createdBy() + " ("
                + old.summary() + ")").orElse("")));
        return request;
    }

    @Override
    public Optional<CertificateRequestInfo> pendingRequest() {
        return requests.get().info();
    }

    @Override
    public CertificateInfo importRequestReply(String chainPem, String who) throws InvalidCertificateException {
        List<String> problems = new ArrayList<>();
        requireText(chainPem, "the signed certificate", problems);
        throwIf(problems);
        CertificateRequest row = requests.getForChange();
        CertificateRequestInfo request = row.info().orElseThrow(() -> new InvalidCertificateException(
                "no certificate signing request waits for a reply: generate one first, or import the certificate"
                        + " with its own key"));
        PrivateKey key;
        try {
            key = ServerCredentials.pkcs8Key(sealer.open(row.sealedKey().orElseThrow(),
                    SecretSealer.Purpose.REQUEST_KEY));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The key of the waiting certificate signing request cannot be opened ({0})",
                    e.getClass().getSimpleName());
            throw new InvalidCertificateException("the key of the waiting request cannot be opened (was Parley's"
                    + " secret key file replaced?): generate a new request");
        }
        List<X509Certificate> chain;
        try {
            chain = Certificates.parsePem(chainPem);
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidCertificateException(unreadable.getMessage());
        }
        Optional<X509Certificate> issued = chain.stream()
                .filter(certificate -> ServerCredentials.matches(key, certificate.getPublicKey()))
                .findFirst();
        if (issued.isEmpty()) {
            throw new InvalidCertificateException("no certificate in the reply is for the waiting request's key ("
                    + request.summary() + ", generated " + request.createdAt() + "): was it issued for another request?");
        }
        ServerCredential credential = loaded(() -> ServerCredentials.fromPem(ServerCredentials.privateKeyPem(key),
                chainPem));
        CertificateInfo stored = store(CertificateRole.XMPP, credential, who, "imported the CA's reply to the"
                + " certificate signing request as");
        row.clear();
        requests.flush();
        return stored;
    }

    @Override
    public void cancelRequest(String who) {
        CertificateRequest row = requests.getForChange();
        Optional<CertificateRequestInfo> cancelled = row.info();
        if (cancelled.isEmpty()) {
            return;
        }
        row.clear();
        requests.flush();
        audit.record(AuditRecord.settingsChanged(Instant.now(clock), who + " cancelled the certificate signing"
                + " request of " + cancelled.get().createdBy() + " (" + cancelled.get().summary() + ")"));
    }

    @Override
    public CertificateInfo installSelfSigned(KeyAlgorithm algorithm, List<String> dnsNames, String who)
            throws InvalidCertificateException {
        RequestedNames names = requestedNames(algorithm, dnsNames);
        KeyPair keys = generator.keyPair(algorithm);
        // Valid from a minute ago: a peer whose clock is a little behind would otherwise refuse it as not valid yet.
        Instant now = Instant.now(clock);
        X509Certificate certificate = generator.selfSigned(keys, algorithm, names.names(),
                now.minus(Duration.ofMinutes(1)), now.plus(SELF_SIGNED_VALIDITY));
        return store(CertificateRole.XMPP, new ServerCredential(keys.getPrivate(), List.of(certificate)), who,
                "generated");
    }

    @Override
    public List<TrustedCaInfo> trustedCas() {
        Instant now = Instant.now(clock);
        return trustedCas.all().stream().map(ca -> ca.info(now)).toList();
    }

    @Override
    public TrustedCaInfo trustedCa(long id) throws TrustedCaNotFoundException {
        return existing(id).info(Instant.now(clock));
    }

    @Override
    public TrustedCaInfo addTrustedCa(String pem, String who) throws InvalidCertificateException {
        List<String> problems = new ArrayList<>();
        requireText(pem, "the CA's PEM text", problems);
        throwIf(problems);
        Instant now = Instant.now(clock);
        List<X509Certificate> parsed;
        try {
            parsed = Certificates.parsePem(pem);
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidCertificateException(unreadable.getMessage());
        }
        problems.addAll(CertificateRules.trustedCaProblems(parsed, now));
        throwIf(problems);
        X509Certificate certificate = parsed.get(0);
        TrustedCa ca;
        try {
            ca = new TrustedCa(certificate, who, now);
        } catch (IllegalArgumentException tooLarge) {
            throw new InvalidCertificateException(tooLarge.getMessage());
        }
        Optional<TrustedCa> existing = trustedCas.findBySha256(ca.sha256());
        if (existing.isPresent()) {
            throw new InvalidCertificateException(existing.get().summary() + " is trusted already (id "
                    + existing.get().id() + ")");
        }
        trustedCas.add(ca);
        audit.record(AuditRecord.settingsChanged(now, who + " trusted the CA " + ca.summary()));
        changed.fire(new FederationConfigurationChanged(who));
        return ca.info(now);
    }

    @Override
    public void removeTrustedCa(long id, String who) throws TrustedCaNotFoundException {
        TrustedCa ca = existing(id);
        audit.record(AuditRecord.settingsChanged(Instant.now(clock), who + " no longer trusts the CA " + ca.summary()));
        trustedCas.remove(ca);
        changed.fire(new FederationConfigurationChanged(who));
    }

    @Override
    public Optional<ServerCredential> credential() {
        return presentedCredential().map(Presented::credential);
    }

    /** A stored certificate that can be opened, and what it is for. */
    private record Presented(CertificateRole role, ServerCredential credential) {
    }

    /** The XMPP certificate, else the SIP one, whichever is first stored and can be opened. */
    private Optional<Presented> presentedCredential() {
        for (CertificateRole role : CertificateRole.values()) {
            Optional<ServerCredential> opened = opened(certificates.get(role));
            if (opened.isPresent()) {
                return Optional.of(new Presented(role, opened.get()));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<X509Certificate> trustedCaCertificates() {
        List<X509Certificate> cas = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (TrustedCa ca : trustedCas.all()) {
            try {
                X509Certificate certificate = ca.certificate();
                // PKIX never checks a trust anchor's own validity: an expired CA is left out here instead.
                if (certificate.getNotAfter().toInstant().isBefore(now)) {
                    LOG.log(Level.WARNING, "Trusted CA {0} has expired and is no longer trusted", ca.summary());
                    continue;
                }
                cas.add(certificate);
            } catch (IllegalArgumentException unreadable) {
                LOG.log(Level.WARNING, "Trusted CA {0} cannot be read and is left out: {1}", ca.summary(),
                        unreadable.getMessage());
            }
        }
        return List.copyOf(cas);
    }

    /**
     * Checks {@code credential} and stores it as the role's certificate in place of any other, sealed; audits
     * ("who {@code how} the role's certificate …") and announces the change.
     */
    private CertificateInfo store(CertificateRole role, ServerCredential credential, String who, String how)
            throws InvalidCertificateException {
        Instant now = Instant.now(clock);
        throwIf(CertificateRules.serverCertificateProblems(credential, now));
        CertificateFacts facts = CertificateFacts.of(credential);
        String sealed = sealer.seal(CredentialPem.of(credential).text(), SecretSealer.Purpose.SERVER_CREDENTIAL);
        if (sealed.length() > ServerCertificate.MAX_SEALED_LENGTH) {
            throw new InvalidCertificateException("the key with its chain is too large to store (" + sealed.length()
                    + " characters sealed, at most " + ServerCertificate.MAX_SEALED_LENGTH + ")");
        }
        ServerCertificate row = certificates.getForChange(role);
        Optional<CertificateFacts> previous = row.facts();
        row.replace(facts, sealed, who, now);
        certificates.flush();
        audit.record(AuditRecord.settingsChanged(now, who + " " + how + " the " + role.displayName() + " "
                + facts.summary() + previous.map(replaced -> " in place of " + replaced.summary()).orElse("")));
        changed.fire(new FederationConfigurationChanged(who));
        List<String> remarks = CertificateRules.serverCertificateRemarks(facts, now, servedDomain.name());
        return row.info(chainOf(credential), remarks).orElseThrow();
    }

    /** The names for a generated key's certificate, or why they cannot be. */
    private RequestedNames requestedNames(KeyAlgorithm algorithm, List<String> dnsNames)
            throws InvalidCertificateException {
        if (algorithm == null) {
            throw new InvalidCertificateException("choose the key algorithm: EC_P256 or RSA_3072");
        }
        return RequestedNames.of(dnsNames == null ? List.of() : dnsNames, servedDomain.name());
    }

    private static List<ChainCertificate> chainOf(ServerCredential credential) {
        return credential.chain().stream().map(ChainCertificate::of).toList();
    }

    /** The stored credential, opened; empty when there is none or it cannot be opened (logged without key material). */
    private Optional<ServerCredential> opened(ServerCertificate row) {
        Optional<String> sealed = row.sealedCredential();
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CredentialPem.parse(sealer.open(sealed.get(), SecretSealer.Purpose.SERVER_CREDENTIAL)).credential());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The stored {0} {1} cannot be opened ({2}): it is not presented to peers until it"
                    + " is imported again", row.role().displayName(), row.facts().map(CertificateFacts::summary)
                    .orElse(""), e.getClass().getSimpleName() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private TrustedCa existing(long id) throws TrustedCaNotFoundException {
        return trustedCas.find(id).orElseThrow(() -> new TrustedCaNotFoundException(id));
    }

    /** The loader's credential, or its reason as the one problem. */
    private static ServerCredential loaded(Supplier<ServerCredential> loader) throws InvalidCertificateException {
        try {
            return loader.get();
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidCertificateException(unreadable.getMessage());
        }
    }

    private static void requireText(String text, String what, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(what + " is missing");
        } else if (text.length() > MAX_INPUT) {
            problems.add(tooLarge(what, text.length() + " characters"));
        }
    }

    private static String tooLarge(String what, String size) {
        return what + " is too large (" + size + "; at most " + MAX_INPUT / 1024 + " KiB): a server certificate with"
                + " its chain takes a few KiB";
    }

    private static void throwIf(List<String> problems) throws InvalidCertificateException {
        if (!problems.isEmpty()) {
            throw new InvalidCertificateException(problems);
        }
    }
}
