package dev.parley.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.FederationConfigurationChanged;
import dev.parley.application.RecordingFederationAudit;
import dev.parley.application.ServedDomain;
import dev.parley.domain.model.audit.AuditKind;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.certificate.CertificateInfo;
import dev.parley.domain.model.certificate.CertificateRequest;
import dev.parley.domain.model.certificate.CertificateRequestInfo;
import dev.parley.domain.model.certificate.CertificateRequestRepository;
import dev.parley.domain.model.certificate.CertificateRole;
import dev.parley.domain.model.certificate.ChainCertificate;
import dev.parley.domain.model.certificate.KeyAlgorithm;
import dev.parley.domain.model.certificate.InvalidCertificateException;
import dev.parley.domain.model.certificate.ServerCertificate;
import dev.parley.domain.model.certificate.ServerCertificateRepository;
import dev.parley.domain.model.certificate.TrustedCa;
import dev.parley.domain.model.certificate.TrustedCaInfo;
import dev.parley.domain.model.certificate.TrustedCaNotFoundException;
import dev.parley.domain.model.certificate.TrustedCaRepository;
import dev.parley.infrastructure.security.BouncyCastleCertificateGenerator;
import dev.parley.infrastructure.security.SecretSealer;
import dev.parley.infrastructure.security.SecretSealer.Purpose;
import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.Certificates;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.ServerCredentials;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

/**
 * The S2S server certificate and the trusted CAs as an administrator manages them: imports checked with every
 * problem named, the key stored only sealed, remarks on what is stored, every change audited and announced.
 */
class DefaultCertificateServiceTest {

    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private final TestPki ca = TestPki.create("Service CA");
    private final ServerCredential issued = ca.leaf("parley.test").dns("parley.test").issue();

    private final InMemoryServerCertificate row = new InMemoryServerCertificate();
    private final InMemoryTrustedCas cas = new InMemoryTrustedCas();
    private final InMemoryCertificateRequest request = new InMemoryCertificateRequest();
    private final ToySealer sealer = new ToySealer();
    private final List<Object> events = new ArrayList<>();
    private final List<AuditRecord> audited = new ArrayList<>();
    private final DefaultCertificateService service = new DefaultCertificateService();

    DefaultCertificateServiceTest() {
        service.certificates = row;
        service.trustedCas = cas;
        service.requests = request;
        service.generator = new BouncyCastleCertificateGenerator();
        service.sealer = sealer;
        service.changed = new RecordingEvent<>(events);
        service.audit = new RecordingFederationAudit(audited);
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.servedDomain = new ServedDomain(() -> "Parley.TEST");
    }

    @Test
    void hasNoCertificateOnAFreshInstall() {
        assertThat(service.current(CertificateRole.XMPP)).isEmpty();
        assertThat(service.credential()).isEmpty();
        assertThat(service.trustedCas()).isEmpty();
        assertThat(service.trustedCaCertificates()).isEmpty();
    }

    @Test
    void importsAPemKeyAndChainAndKeepsTheKeyOnlySealed() throws Exception {
        CertificateInfo info = service.importPem(CertificateRole.XMPP, keyPem(issued), Certificates.toPem(issued.chain()), "alice");

        assertThat(info.subject()).isEqualTo("CN=parley.test");
        assertThat(info.issuer()).isEqualTo("CN=Service CA");
        assertThat(info.dnsNames()).containsExactly("parley.test");
        assertThat(info.notAfter()).isEqualTo(issued.certificate().getNotAfter().toInstant());
        assertThat(info.sha256()).isEqualTo(Certificates.sha256Fingerprint(issued.certificate()));
        assertThat(info.importedAt()).isEqualTo(NOW);
        assertThat(info.importedBy()).isEqualTo("alice");
        assertThat(info.remarks()).isEmpty();
        assertThat(service.current(CertificateRole.XMPP)).contains(info);

        String stored = row.get(CertificateRole.XMPP).sealedCredential().orElseThrow();
        assertThat(stored).startsWith(ToySealer.PREFIX).doesNotContain("PRIVATE KEY").doesNotContain(keyPem(issued));
        ServerCredential presented = service.credential().orElseThrow();
        assertThat(presented.chain()).isEqualTo(issued.chain());
        assertThat(presented.key().getEncoded()).isEqualTo(issued.key().getEncoded());
    }

    @Test
    void auditsAndAnnouncesAnImportWithoutKeyMaterial() throws Exception {
        service.importPem(CertificateRole.XMPP, keyPem(issued), Certificates.toPem(issued.chain()), "alice");

        assertThat(events).containsExactly(new FederationConfigurationChanged("alice"));
        assertThat(audited).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo(AuditKind.SETTINGS_CHANGED);
            assertThat(record.detail()).isEqualTo("alice imported the XMPP server certificate CN=parley.test (SHA-256 "
                    + Certificates.sha256Fingerprint(issued.certificate()) + ", valid until "
                    + issued.certificate().getNotAfter().toInstant() + ")");
        });
    }

    @Test
    void importsAPkcs12KeyStoreInPlaceOfTheStoredCertificate() throws Exception {
        service.importPem(CertificateRole.XMPP, keyPem(issued), Certificates.toPem(issued.chain()), "alice");
        ServerCredential renewed = ca.leaf("parley.test").dns("parley.test").dns("conference.parley.test").issue();

        CertificateInfo info = service.importPkcs12(CertificateRole.XMPP, pkcs12(renewed, "s3cret"), "s3cret", "bob");

        assertThat(info.dnsNames()).containsExactly("parley.test", "conference.parley.test");
        assertThat(info.importedBy()).isEqualTo("bob");
        assertThat(service.credential().orElseThrow().chain()).isEqualTo(renewed.chain());
        assertThat(events).hasSize(2);
        assertThat(audited.get(1).detail()).startsWith("bob imported the XMPP server certificate CN=parley.test (SHA-256 "
                + Certificates.sha256Fingerprint(renewed.certificate())).contains(" in place of CN=parley.test (SHA-256 "
                + Certificates.sha256Fingerprint(issued.certificate()));
    }

    @Test
    void refusesAWrongPasswordWithoutRepeatingItAndStoresNothing() throws Exception {
        byte[] keystore = pkcs12(issued, "s3cret");

        assertThatThrownBy(() -> service.importPkcs12(CertificateRole.XMPP, keystore, "guess-one", "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> {
                    assertThat(e.problems()).containsExactly("the PKCS#12 key store cannot be opened: wrong password");
                    assertThat(e.getMessage()).doesNotContain("guess-one");
                });
        assertNothingChanged();
    }

    @Test
    void refusesMissingInputsAllAtOnce() {
        assertThatThrownBy(() -> service.importPkcs12(CertificateRole.XMPP, null, null, "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems()).containsExactly(
                        "the PKCS#12 key store is missing",
                        "the password of the PKCS#12 key store is missing (an empty one for a key store without)"));
        assertThatThrownBy(() -> service.importPem(CertificateRole.XMPP, " ", null, "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems())
                        .containsExactly("the private key is missing", "the certificate chain is missing"));
        assertThatThrownBy(() -> service.importPem(CertificateRole.XMPP, "x".repeat(DefaultCertificateService.MAX_INPUT + 1),
                Certificates.toPem(issued.chain()), "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("the private key is too large"));
        assertNothingChanged();
    }

    @Test
    void refusesAKeyOfAnotherCertificate() {
        ServerCredential other = ca.leaf("other.test").issue();

        assertThatThrownBy(() -> service.importPem(CertificateRole.XMPP, keyPem(other), Certificates.toPem(issued.chain()), "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("the private key does not match the certificate (subject CN=parley.test)"));
        assertNothingChanged();
    }

    @Test
    void refusesAnExpiredCertificateNamingEveryProblem() {
        Instant end = NOW.minus(Duration.ofDays(1));
        ServerCredential expired = ca.leaf("parley.test").dns("parley.test")
                .validity(end.minus(Duration.ofDays(90)), end).extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();

        assertThatThrownBy(() -> service.importPem(CertificateRole.XMPP, keyPem(expired), Certificates.toPem(expired.chain()), "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems()).containsExactly(
                        "the certificate expired on " + end + ": import a renewed one",
                        "the certificate may not serve a TLS server: its extended key usage lacks serverAuth"));
        assertNothingChanged();
    }

    @Test
    void remarksOnASelfSignedCertificateForAnotherDomain() throws Exception {
        ServerCredential selfSigned = ca.leaf("chat.example").dns("chat.example").selfSigned().issue();

        CertificateInfo info = service.importPem(CertificateRole.XMPP, keyPem(selfSigned), Certificates.toPem(selfSigned.chain()), "alice");

        assertThat(info.remarks()).containsExactly(
                "no DNS name for parley.test: remote servers that check certificates will not accept it for this"
                        + " server's domain (its DNS names: chat.example)",
                "self-signed: remote servers will accept it only under REQUIRED_IGNORE_CERT_ERRORS or with dialback");
    }

    @Test
    void remarksOnAStoredKeyThatCannotBeOpenedAndPresentsNone() throws Exception {
        service.importPem(CertificateRole.XMPP, keyPem(issued), Certificates.toPem(issued.chain()), "alice");
        sealer.broken = true;

        assertThat(service.credential()).isEmpty();
        assertThat(service.current(CertificateRole.XMPP).orElseThrow().remarks()).singleElement().asString()
                .startsWith("the stored key cannot be opened");
    }

    @Test
    void removesTheCertificateAndItsKey() throws Exception {
        service.importPem(CertificateRole.XMPP, keyPem(issued), Certificates.toPem(issued.chain()), "alice");

        service.remove(CertificateRole.XMPP, "bob");

        assertThat(service.current(CertificateRole.XMPP)).isEmpty();
        assertThat(service.credential()).isEmpty();
        assertThat(row.get(CertificateRole.XMPP).sealedCredential()).isEmpty();
        assertThat(events).containsExactly(new FederationConfigurationChanged("alice"),
                new FederationConfigurationChanged("bob"));
        assertThat(audited.get(1).detail()).startsWith("bob removed the XMPP server certificate CN=parley.test (SHA-256 ");
    }

    @Test
    void removingWhenNoneIsStoredChangesNothing() {
        service.remove(CertificateRole.XMPP, "bob");

        assertNothingChanged();
    }

    @Test
    void showsTheChainAsStored() throws Exception {
        CertificateInfo info = service.importPem(CertificateRole.XMPP, keyPem(issued), Certificates.toPem(issued.chain()),
                "alice");

        assertThat(info.chain()).extracting(ChainCertificate::subject).containsExactly("CN=parley.test", "CN=Service CA");
        assertThat(info.chain().get(1).sha256()).isEqualTo(Certificates.sha256Fingerprint(ca.certificate()));
        assertThat(service.current(CertificateRole.XMPP).orElseThrow().chain()).isEqualTo(info.chain());
    }

    @Test
    void presentsTheSipCertificateWhileNoXmppCertificateIsStored() throws Exception {
        ServerCredential sip = ca.leaf("sip.parley.test").dns("sip.parley.test").issue();

        CertificateInfo info = service.importPem(CertificateRole.SIP, keyPem(sip), Certificates.toPem(sip.chain()), "alice");

        assertThat(info.role()).isEqualTo(CertificateRole.SIP);
        assertThat(info.remarks()).first().asString().startsWith("no DNS name for parley.test");
        assertThat(service.current(CertificateRole.XMPP)).isEmpty();
        assertThat(service.presented()).contains(CertificateRole.SIP);
        assertThat(service.credential().orElseThrow().chain()).isEqualTo(sip.chain());
        assertThat(audited).singleElement().satisfies(record -> assertThat(record.detail())
                .startsWith("alice imported the SIP server certificate CN=sip.parley.test (SHA-256 "));

        service.importPem(CertificateRole.XMPP, keyPem(issued), Certificates.toPem(issued.chain()), "bob");
        assertThat(service.presented()).contains(CertificateRole.XMPP);
        assertThat(service.credential().orElseThrow().chain()).isEqualTo(issued.chain());

        service.remove(CertificateRole.XMPP, "bob");
        assertThat(service.presented()).contains(CertificateRole.SIP);
        assertThat(service.current(CertificateRole.SIP)).isPresent();
    }

    @Test
    void generatesARequestKeepsItsKeySealedAndImportsTheCasReplyOntoIt() throws Exception {
        CertificateRequestInfo pending = service.requestCertificate(KeyAlgorithm.EC_P256,
                List.of(" Parley.TEST ", "", "conference.parley.test", "parley.test"), "alice");

        assertThat(pending.subject()).isEqualTo("CN=parley.test");
        assertThat(pending.dnsNames()).containsExactly("parley.test", "conference.parley.test");
        assertThat(pending.csrPem()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(pending.createdBy()).isEqualTo("alice");
        assertThat(service.pendingRequest()).contains(pending);
        assertThat(request.get().sealedKey().orElseThrow()).startsWith(ToySealer.PREFIX);
        assertThat(audited).singleElement().satisfies(record -> assertThat(record.detail()).isEqualTo(
                "alice generated a certificate signing request (EC P-256 key for parley.test, conference.parley.test)"));
        assertThat(events).as("nothing presented changed yet").isEmpty();

        List<X509Certificate> reply = ca.signRequest(pending.csrPem());
        CertificateInfo installed = service.importRequestReply(Certificates.toPem(reply), "bob");

        assertThat(installed.dnsNames()).containsExactly("parley.test", "conference.parley.test");
        assertThat(installed.issuer()).isEqualTo("CN=Service CA");
        assertThat(installed.remarks()).isEmpty();
        assertThat(service.credential().orElseThrow().chain()).isEqualTo(reply);
        assertThat(service.pendingRequest()).isEmpty();
        assertThat(events).containsExactly(new FederationConfigurationChanged("bob"));
        assertThat(audited.get(1).detail()).startsWith("bob imported the CA's reply to the certificate signing request"
                + " as the XMPP server certificate CN=parley.test (SHA-256 ");
    }

    @Test
    void generatesAnRsaRequest() throws Exception {
        CertificateRequestInfo pending = service.requestCertificate(KeyAlgorithm.RSA_3072, List.of("parley.test"), "alice");

        List<X509Certificate> reply = ca.signRequest(pending.csrPem());
        assertThat(reply.get(0).getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(((java.security.interfaces.RSAPublicKey) reply.get(0).getPublicKey()).getModulus().bitLength())
                .isEqualTo(3072);
        assertThat(service.importRequestReply(Certificates.toPem(reply), "alice").subject()).isEqualTo("CN=parley.test");
    }

    @Test
    void refusesAReplyForAnotherKeyAndKeepsTheRequest() throws Exception {
        CertificateRequestInfo pending = service.requestCertificate(KeyAlgorithm.EC_P256, List.of("parley.test"), "alice");

        assertThatThrownBy(() -> service.importRequestReply(Certificates.toPem(issued.chain()), "bob"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("no certificate in the reply is for the waiting request's key (EC P-256"
                                + " key for parley.test, generated "));
        assertThat(service.pendingRequest()).contains(pending);
        assertThat(service.current(CertificateRole.XMPP)).isEmpty();
    }

    @Test
    void refusesAReplyWhenNoRequestWaits() {
        assertThatThrownBy(() -> service.importRequestReply(Certificates.toPem(issued.chain()), "bob"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("no certificate signing request waits for a reply"));
        assertNothingChanged();
    }

    @Test
    void refusesNamesThatCannotBeInACertificateForThisDomain() {
        assertThatThrownBy(() -> service.requestCertificate(KeyAlgorithm.EC_P256,
                List.of("127.0.0.1", "a*.parley.test", "bad..name"), "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems()).containsExactly(
                        "DNS name '127.0.0.1' is an IP address; XMPP certificates name domains",
                        "DNS name 'a*.parley.test' may hold '*' only as its whole first label, as in *.example.com",
                        "DNS name 'bad..name' is not a valid domain: " + invalidDomainRule("bad..name")));
        assertThatThrownBy(() -> service.installSelfSigned(KeyAlgorithm.EC_P256, List.of("chat.example"), "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems()).containsExactly(
                        "none of the DNS names covers parley.test, this server's XMPP domain: peers would refuse the"
                                + " certificate; add parley.test"));
        assertThatThrownBy(() -> service.requestCertificate(null, List.of(" "), "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems())
                        .containsExactly("choose the key algorithm: EC_P256 or RSA_3072"));
        assertThatThrownBy(() -> service.requestCertificate(KeyAlgorithm.EC_P256, List.of(" "), "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems())
                        .containsExactly("give the DNS names the certificate is for, at least parley.test"));
        assertNothingChanged();
    }

    @Test
    void cancelsTheWaitingRequest() throws Exception {
        service.requestCertificate(KeyAlgorithm.EC_P256, List.of("*.parley.test", "parley.test"), "alice");

        service.cancelRequest("bob");
        service.cancelRequest("bob");

        assertThat(service.pendingRequest()).isEmpty();
        assertThat(request.get().sealedKey()).isEmpty();
        assertThat(audited).hasSize(2);
        assertThat(audited.get(1).detail()).isEqualTo("bob cancelled the certificate signing request of alice (EC P-256"
                + " key for *.parley.test, parley.test)");
    }

    @Test
    void installsASelfSignedCertificateForTrials() throws Exception {
        CertificateInfo info = service.installSelfSigned(KeyAlgorithm.EC_P256, List.of("parley.test"), "alice");

        assertThat(info.subject()).isEqualTo("CN=parley.test");
        assertThat(info.issuer()).isEqualTo("CN=parley.test");
        assertThat(info.notAfter()).isEqualTo(NOW.plus(DefaultCertificateService.SELF_SIGNED_VALIDITY));
        assertThat(info.remarks()).containsExactly(
                "self-signed: remote servers will accept it only under REQUIRED_IGNORE_CERT_ERRORS or with dialback");
        X509Certificate certificate = service.credential().orElseThrow().certificate();
        assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(audited).singleElement().satisfies(record -> assertThat(record.detail())
                .startsWith("alice generated the XMPP server certificate CN=parley.test (SHA-256 "));
        assertThat(events).containsExactly(new FederationConfigurationChanged("alice"));
    }

    private static String invalidDomainRule(String domain) {
        try {
            dev.parley.xmpp.jid.Jid.ofDomain(domain);
            throw new AssertionError(domain + " is a valid domain");
        } catch (dev.parley.xmpp.jid.InvalidJidException e) {
            return e.rule();
        }
    }

    @Test
    void trustsACaAndGivesItToTheRuntime() throws Exception {
        TrustedCaInfo added = service.addTrustedCa("# partner CA\n" + Certificates.toPem(ca.certificate()), "alice");

        assertThat(added.id()).isEqualTo(1);
        assertThat(added.subject()).isEqualTo("CN=Service CA");
        assertThat(added.sha256()).isEqualTo(Certificates.sha256Fingerprint(ca.certificate()));
        assertThat(added.notAfter()).isEqualTo(ca.certificate().getNotAfter().toInstant());
        assertThat(added.addedAt()).isEqualTo(NOW);
        assertThat(added.addedBy()).isEqualTo("alice");
        assertThat(added.pem()).isEqualTo(Certificates.toPem(ca.certificate()));
        assertThat(added.remarks()).isEmpty();
        assertThat(service.trustedCas()).containsExactly(added);
        assertThat(service.trustedCa(1)).isEqualTo(added);
        assertThat(service.trustedCaCertificates()).containsExactly(ca.certificate());
        service.clock = Clock.fixed(ca.certificate().getNotAfter().toInstant().plusSeconds(1), ZoneOffset.UTC);
        assertThat(service.trustedCaCertificates()).as("an expired CA is no longer trusted").isEmpty();
        assertThat(events).containsExactly(new FederationConfigurationChanged("alice"));
        assertThat(audited).singleElement().satisfies(record -> assertThat(record.detail())
                .isEqualTo("alice trusted the CA CN=Service CA (SHA-256 " + added.sha256() + ", valid until "
                        + added.notAfter() + ")"));
    }

    @Test
    void refusesACaTrustedAlready() throws Exception {
        service.addTrustedCa(Certificates.toPem(ca.certificate()), "alice");

        assertThatThrownBy(() -> service.addTrustedCa(Certificates.toPem(ca.certificate()), "bob"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("CN=Service CA (SHA-256 ").endsWith(" is trusted already (id 1)"));
        assertThat(service.trustedCas()).hasSize(1);
        assertThat(events).hasSize(1);
    }

    @Test
    void refusesWhatIsNoSingleCaCertificate() {
        TestPki other = TestPki.create("Other CA");

        assertThatThrownBy(() -> service.addTrustedCa(Certificates.toPem(List.of(ca.certificate(), other.certificate())),
                "alice")).isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems())
                .containsExactly("the PEM text holds 2 certificates; add one CA at a time, each as its own PEM text"));
        assertThatThrownBy(() -> service.addTrustedCa(Certificates.toPem(issued.certificate()), "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("CN=parley.test is no CA certificate"));
        assertThatThrownBy(() -> service.addTrustedCa(keyPem(issued), "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("the PEM text holds a PRIVATE KEY block"));
        assertThatThrownBy(() -> service.addTrustedCa(null, "alice"))
                .isInstanceOfSatisfying(InvalidCertificateException.class, e -> assertThat(e.problems())
                        .containsExactly("the CA's PEM text is missing"));
        assertNothingChanged();
    }

    @Test
    void removesATrustedCa() throws Exception {
        TrustedCaInfo added = service.addTrustedCa(Certificates.toPem(ca.certificate()), "alice");

        service.removeTrustedCa(added.id(), "bob");

        assertThat(service.trustedCas()).isEmpty();
        assertThat(service.trustedCaCertificates()).isEmpty();
        assertThat(events).containsExactly(new FederationConfigurationChanged("alice"),
                new FederationConfigurationChanged("bob"));
        assertThat(audited.get(1).detail()).startsWith("bob no longer trusts the CA CN=Service CA (SHA-256 ");
    }

    @Test
    void unknownTrustedCasAreNotFound() {
        assertThatThrownBy(() -> service.trustedCa(42)).isInstanceOf(TrustedCaNotFoundException.class)
                .hasMessage("There is no trusted CA 42");
        assertThatThrownBy(() -> service.removeTrustedCa(42, "bob")).isInstanceOf(TrustedCaNotFoundException.class);
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        assertThat(row.get(CertificateRole.XMPP).present()).isFalse();
        assertThat(row.get(CertificateRole.SIP).present()).isFalse();
        assertThat(request.get().present()).isFalse();
        assertThat(cas.all()).isEmpty();
        assertThat(events).isEmpty();
        assertThat(audited).isEmpty();
    }

    private static String keyPem(ServerCredential credential) {
        return ServerCredentials.privateKeyPem(credential.key());
    }

    private static byte[] pkcs12(ServerCredential credential, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", credential.key(), password.toCharArray(),
                credential.chain().toArray(Certificate[]::new));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password.toCharArray());
        return bytes.toByteArray();
    }

    /** Seals by encoding, so that tests can see it was asked to; {@code broken} makes opening fail as a replaced key would. */
    private static final class ToySealer extends SecretSealer {
        static final String PREFIX = "toy:";
        boolean broken;

        @Override
        public String seal(String secret, Purpose purpose) {
            return PREFIX + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String open(String sealed, Purpose purpose) {
            if (broken) {
                throw new IllegalStateException("The secret cannot be opened: was the key file replaced?");
            }
            return new String(Base64.getDecoder().decode(sealed.substring(PREFIX.length())), StandardCharsets.UTF_8);
        }
    }

    /** One row a role, as the migration creates them: empty. */
    private static final class InMemoryServerCertificate implements ServerCertificateRepository {
        private final Map<CertificateRole, ServerCertificate> rows = new EnumMap<>(CertificateRole.class);

        InMemoryServerCertificate() {
            for (CertificateRole role : CertificateRole.values()) {
                ServerCertificate row = new ServerCertificate() {
                };
                try {
                    var id = ServerCertificate.class.getDeclaredField("id");
                    id.setAccessible(true);
                    id.set(row, role.rowId());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                rows.put(role, row);
            }
        }

        @Override
        public ServerCertificate get(CertificateRole role) {
            return rows.get(role);
        }

        @Override
        public ServerCertificate getForChange(CertificateRole role) {
            return rows.get(role);
        }

        @Override
        public void flush() {
        }
    }

    /** The one request row, as the migration creates it: empty. */
    private static final class InMemoryCertificateRequest implements CertificateRequestRepository {
        private final CertificateRequest row = new CertificateRequest() {
        };

        @Override
        public CertificateRequest get() {
            return row;
        }

        @Override
        public CertificateRequest getForChange() {
            return row;
        }

        @Override
        public void flush() {
        }
    }

    /** Keeps trusted CAs in memory, assigning ids as the database would. */
    private static final class InMemoryTrustedCas implements TrustedCaRepository {
        private final Map<Long, TrustedCa> rows = new LinkedHashMap<>();
        private long nextId = 1;

        @Override
        public List<TrustedCa> all() {
            return List.copyOf(rows.values());
        }

        @Override
        public Optional<TrustedCa> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Optional<TrustedCa> findBySha256(String sha256) {
            return rows.values().stream().filter(ca -> ca.sha256().equals(sha256)).findFirst();
        }

        @Override
        public void add(TrustedCa ca) {
            try {
                var id = TrustedCa.class.getDeclaredField("id");
                id.setAccessible(true);
                id.set(ca, nextId);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            rows.put(nextId++, ca);
        }

        @Override
        public void remove(TrustedCa ca) {
            rows.remove(ca.id());
        }
    }
}
