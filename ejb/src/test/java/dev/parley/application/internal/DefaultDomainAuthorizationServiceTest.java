package dev.parley.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.FederationConfigurationChanged;
import dev.parley.application.RecordingFederationAudit;
import dev.parley.domain.model.audit.AuditKind;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.authorization.AuthorizationChange;
import dev.parley.domain.model.authorization.AuthorizationConflictException;
import dev.parley.domain.model.csv.CsvImport;
import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.authorization.AuthorizationNotFoundException;
import dev.parley.domain.model.authorization.AuthorizationSnapshot;
import dev.parley.domain.model.authorization.AuthorizationTable;
import dev.parley.domain.model.authorization.DomainAuthorization;
import dev.parley.domain.model.authorization.DomainAuthorizationRepository;
import dev.parley.domain.model.authorization.DomainPattern;
import dev.parley.domain.model.authorization.FederationProtocol;
import dev.parley.domain.model.authorization.InvalidAuthorizationException;
import dev.parley.domain.model.settings.FederationMode;
import dev.parley.domain.model.settings.FederationSettings;
import dev.parley.domain.model.settings.SettingsChange;
import dev.parley.xmpp.tls.TlsPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultDomainAuthorizationServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final InMemoryAuthorizations repository = new InMemoryAuthorizations();
    private final List<Object> events = new ArrayList<>();
    private final List<AuditRecord> audited = new ArrayList<>();
    private final DefaultDomainAuthorizationService service = new DefaultDomainAuthorizationService();

    DefaultDomainAuthorizationServiceTest() {
        service.repository = repository;
        service.changed = new RecordingEvent<>(events);
        service.audit = new RecordingFederationAudit(audited);
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.settings = () -> settingsWithMaxLevel(AuthorizationLevel.BUSINESS);
    }

    @Test
    void createsCanonicalAuthorizationsAndAnnouncesTheChange() throws Exception {
        AuthorizationSnapshot created = service.create(change("*.Partner.EXAMPLE", AuthorizationLevel.PERSONAL), "alice");

        assertThat(created.pattern().text()).isEqualTo("*.partner.example");
        assertThat(created.level()).isEqualTo(AuthorizationLevel.PERSONAL);
        assertThat(created.createdBy()).isEqualTo("alice");
        assertThat(created.updatedAt()).isEqualTo(NOW);
        assertThat(service.get(created.id())).isEqualTo(created);
        assertThat(events).containsExactly(new FederationConfigurationChanged("alice"));
        assertThat(audited).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo(AuditKind.SETTINGS_CHANGED);
            assertThat(record.remoteDomain()).isEqualTo("*.partner.example");
            assertThat(record.detail()).isEqualTo("alice authorized *.partner.example (XMPP) at PERSONAL, TLS global");
        });
    }

    @Test
    void refusesInvalidChangesWithEveryProblemAndAnnouncesNothing() {
        assertThatThrownBy(() -> service.create(new AuthorizationChange("*", null, null, null, null), "alice"))
                .isInstanceOfSatisfying(InvalidAuthorizationException.class, e -> assertThat(e.problems()).hasSize(3));
        assertThat(repository.all()).isEmpty();
        assertThat(events).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void refusesASecondAuthorizationForTheSamePatternAndProtocol() throws Exception {
        service.create(change("jabber.org", AuthorizationLevel.PUBLIC), "alice");

        assertThatThrownBy(() -> service.create(change("JABBER.org.", AuthorizationLevel.PERSONAL), "bob"))
                .isInstanceOfSatisfying(InvalidAuthorizationException.class, e -> assertThat(e.problems())
                        .containsExactly("an authorization for jabber.org (XMPP) already exists"));
        AuthorizationSnapshot sip = service.create(new AuthorizationChange("jabber.org", FederationProtocol.SIP,
                AuthorizationLevel.PUBLIC, null, null), "bob");
        assertThat(sip.remarks()).isNotEmpty();
    }

    @Test
    void updatesTheVersionItWasReadAtOnly() throws Exception {
        AuthorizationSnapshot created = service.create(change("jabber.org", AuthorizationLevel.PUBLIC), "alice");

        AuthorizationSnapshot updated = service.update(created.id(), created.version(),
                change("jabber.org", AuthorizationLevel.TEAM_MEMBER), "bob");

        assertThat(updated.level()).isEqualTo(AuthorizationLevel.TEAM_MEMBER);
        assertThat(updated.createdBy()).isEqualTo("alice");
        assertThat(updated.updatedBy()).isEqualTo("bob");
        assertThat(events).hasSize(2);
        assertThatThrownBy(() -> service.update(created.id(), created.version() + 1,
                change("jabber.org", AuthorizationLevel.PERSONAL), "carol"))
                .isInstanceOf(AuthorizationConflictException.class)
                .hasMessageContaining("someone changed it since it was read");
        assertThat(service.get(created.id()).level()).isEqualTo(AuthorizationLevel.TEAM_MEMBER);
    }

    @Test
    void updateMayKeepItsPatternButNotTakeAnother() throws Exception {
        AuthorizationSnapshot jabber = service.create(change("jabber.org", AuthorizationLevel.PUBLIC), "alice");
        AuthorizationSnapshot xmppJp = service.create(change("xmpp.jp", AuthorizationLevel.PUBLIC), "alice");

        assertThat(service.update(jabber.id(), 0, change("jabber.org", AuthorizationLevel.BUSINESS), "bob").level())
                .isEqualTo(AuthorizationLevel.BUSINESS);
        assertThatThrownBy(() -> service.update(xmppJp.id(), 0, change("jabber.org", AuthorizationLevel.PUBLIC), "bob"))
                .isInstanceOf(InvalidAuthorizationException.class);
    }

    @Test
    void unknownIdsAreNotFound() {
        assertThatThrownBy(() -> service.get(42)).isInstanceOf(AuthorizationNotFoundException.class)
                .hasMessage("There is no domain authorization 42");
        assertThatThrownBy(() -> service.update(42, 0, change("jabber.org", AuthorizationLevel.PUBLIC), "bob"))
                .isInstanceOf(AuthorizationNotFoundException.class);
        assertThatThrownBy(() -> service.delete(42, "bob")).isInstanceOf(AuthorizationNotFoundException.class);
        assertThat(events).isEmpty();
    }

    @Test
    void deletesAndAnnounces() throws Exception {
        AuthorizationSnapshot created = service.create(change("jabber.org", AuthorizationLevel.PUBLIC), "alice");

        service.delete(created.id(), "bob");

        assertThat(service.list()).isEmpty();
        assertThat(events).containsExactly(new FederationConfigurationChanged("alice"), new FederationConfigurationChanged("bob"));
    }

    @Test
    void listsByDomainWithEachDomainBeforeItsWildcard() throws Exception {
        service.create(change("*.example.com", AuthorizationLevel.PUBLIC), "alice");
        service.create(change("zulu.example", AuthorizationLevel.PUBLIC), "alice");
        service.create(change("example.com", AuthorizationLevel.PUBLIC), "alice");

        assertThat(service.list()).extracting(a -> a.pattern().text())
                .containsExactly("example.com", "*.example.com", "zulu.example");
    }

    @Test
    void tableAppliesTheGlobalMaximumOfTheSettings() throws Exception {
        service.create(change("jabber.org", AuthorizationLevel.PERSONAL), "alice");
        service.create(new AuthorizationChange("sip.example", FederationProtocol.SIP, AuthorizationLevel.PERSONAL, null,
                null), "alice");

        AuthorizationTable table = service.table();

        assertThat(table.maxLevel()).isEqualTo(AuthorizationLevel.BUSINESS);
        assertThat(table.levelFor("jabber.org")).isEqualTo(AuthorizationLevel.BUSINESS);
        assertThat(table.refusal("sip.example")).isPresent();
    }

    @Test
    void aDryRunOfACsvImportSaysWhatWouldChangeAndChangesNothing() throws Exception {
        service.create(change("partner.example", AuthorizationLevel.PUBLIC), "alice");
        service.create(change("same.example", AuthorizationLevel.BUSINESS), "alice");
        events.clear();
        audited.clear();
        String csv = "pattern,protocol,level,tlsPolicy,note\n"
                + "Partner.example,XMPP,BUSINESS,REQUIRED_VALID_CERT,key account\n"
                + "same.example,XMPP,BUSINESS,,\n"
                + "*.new.example,XMPP,PERSONAL,,\n"
                + "not a domain,XMPP,PUBLIC,,\n"
                + "*.new.example,XMPP,PUBLIC,,\n";

        CsvImport plan = service.previewCsv(csv);

        assertThat(plan.applied()).isFalse();
        assertThat(plan.lines()).extracting(CsvImport.Line::action).containsExactly(
                CsvImport.Action.CHANGE, CsvImport.Action.UNCHANGED, CsvImport.Action.ADD,
                CsvImport.Action.INVALID, CsvImport.Action.INVALID);
        assertThat(plan.lines().get(0).detail()).isEqualTo(
                "level PUBLIC → BUSINESS, TLS global → REQUIRED_VALID_CERT, note (none) → “key account”");
        assertThat(plan.lines().get(2).detail()).isEqualTo("XMPP at PERSONAL, TLS global");
        assertThat(plan.lines().get(3).detail()).startsWith("pattern 'not a domain'");
        assertThat(plan.lines().get(4).detail()).isEqualTo("*.new.example (XMPP) is on line 4 already");
        assertThat(service.list()).extracting(AuthorizationSnapshot::level)
                .containsExactly(AuthorizationLevel.PUBLIC, AuthorizationLevel.BUSINESS);
        assertThat(events).isEmpty();
        assertThat(audited).isEmpty();

        assertThatThrownBy(() -> service.importCsv(csv, "bob"))
                .isInstanceOfSatisfying(InvalidAuthorizationException.class, e -> assertThat(e.problems())
                        .hasSize(2).first().asString().startsWith("line 5: pattern 'not a domain'"));
        assertThat(service.list()).hasSize(2);
        assertThat(events).isEmpty();
    }

    @Test
    void aCsvImportAddsAndChangesAllAtOnceAuditedAndKeepsWhatItDoesNotName() throws Exception {
        service.create(change("partner.example", AuthorizationLevel.PUBLIC), "alice");
        service.create(change("kept.example", AuthorizationLevel.BLOCKED), "alice");
        events.clear();
        audited.clear();

        CsvImport done = service.importCsv("pattern,protocol,level,tlsPolicy,note\n"
                + "partner.example,XMPP,BUSINESS,,\n*.new.example,XMPP,PERSONAL,,from the CSV\n", "bob");

        assertThat(done.applied()).isTrue();
        assertThat(done.count(CsvImport.Action.ADD)).isEqualTo(1);
        assertThat(done.count(CsvImport.Action.CHANGE)).isEqualTo(1);
        assertThat(service.list()).extracting(entry -> entry.pattern().text() + " " + entry.level())
                .containsExactlyInAnyOrder("partner.example BUSINESS", "kept.example BLOCKED", "*.new.example PERSONAL");
        assertThat(events).containsExactly(new FederationConfigurationChanged("bob"));
        assertThat(audited).extracting(AuditRecord::detail).containsExactly(
                "bob changed authorization 1 (CSV import) to partner.example (XMPP) at BUSINESS, TLS global",
                "bob authorized (CSV import) *.new.example (XMPP) at PERSONAL, TLS global, note: from the CSV");
        assertThat(service.exportCsv()).isEqualTo("pattern,protocol,level,tlsPolicy,note\r\n"
                + "kept.example,XMPP,BLOCKED,,\r\n*.new.example,XMPP,PERSONAL,,from the CSV\r\n"
                + "partner.example,XMPP,BUSINESS,,\r\n");
    }

    private static AuthorizationChange change(String pattern, AuthorizationLevel level) {
        return new AuthorizationChange(pattern, FederationProtocol.XMPP, level, null, null);
    }

    private static FederationSettings settingsWithMaxLevel(AuthorizationLevel maxLevel) {
        FederationSettings settings = new FederationSettings() {
        };
        settings.apply(new SettingsChange(true, FederationMode.DIRECT, 5269, "127.0.0.1", null, 5275, null,
                TlsPolicy.OPTIONAL, maxLevel, 3600, false, null), null, "test", NOW);
        return settings;
    }

    /** Keeps authorizations in memory, assigning ids as the database would. */
    private static final class InMemoryAuthorizations implements DomainAuthorizationRepository {
        private final Map<Long, DomainAuthorization> rows = new LinkedHashMap<>();
        private long nextId = 1;

        @Override
        public List<DomainAuthorization> all() {
            return List.copyOf(rows.values());
        }

        @Override
        public Optional<DomainAuthorization> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Optional<DomainAuthorization> find(DomainPattern pattern, FederationProtocol protocol) {
            return rows.values().stream()
                    .filter(a -> a.pattern().equals(pattern) && a.protocol() == protocol)
                    .findFirst();
        }

        @Override
        public void add(DomainAuthorization authorization) {
            try {
                var id = DomainAuthorization.class.getDeclaredField("id");
                id.setAccessible(true);
                id.set(authorization, nextId);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            rows.put(nextId++, authorization);
        }

        @Override
        public void addAll(List<DomainAuthorization> authorizations) {
            authorizations.forEach(this::add);
        }

        @Override
        public void remove(DomainAuthorization authorization) {
            rows.remove(authorization.id());
        }

        @Override
        public void flush() {
        }
    }
}
