package dev.parley.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.LocalUserLeft;
import dev.parley.application.RecordingFederationAudit;
import dev.parley.domain.model.audit.AuditKind;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.user.ContactCard;
import dev.parley.domain.model.user.InvalidUserException;
import dev.parley.domain.model.user.LocalUser;
import dev.parley.domain.model.user.LocalUserRepository;
import dev.parley.domain.model.user.Photo;
import dev.parley.domain.model.user.UserChange;
import dev.parley.domain.model.user.UserConflictException;
import dev.parley.domain.model.user.UserCsv;
import dev.parley.domain.model.csv.CsvImport;
import dev.parley.domain.model.user.UserName;
import dev.parley.domain.model.user.UserNotFoundException;
import dev.parley.domain.model.user.UserSnapshot;
import dev.parley.infrastructure.security.BcryptPasswordHasher;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

class DefaultLocalUserServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private static final String PASSWORD = "correct horse battery";

    private final List<LocalUser> stored = new ArrayList<>();
    private final List<String> hashes = new ArrayList<>();
    private final List<AuditRecord> audited = new ArrayList<>();
    private final List<Object> departures = new ArrayList<>();
    private final DefaultLocalUserService service = new DefaultLocalUserService();

    DefaultLocalUserServiceTest() {
        service.repository = new ListRepository(stored);
        BcryptPasswordHasher bcrypt = new BcryptPasswordHasher();
        service.hasher = password -> {
            String hash = bcrypt.hash(password);
            hashes.add(hash);
            return hash;
        };
        service.operators = name -> Set.of("admin", "integration").contains(name.value());
        service.audit = new RecordingFederationAudit(audited);
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.left = new RecordingEvent<>(departures);
    }

    @Test
    void createsAUserUnderTheCanonicalNameWithABcryptHashOfThePassword() throws Exception {
        UserSnapshot alice = service.create(change("Alice", PASSWORD), "admin");

        assertThat(alice.name()).isEqualTo(UserName.of("alice"));
        assertThat(alice.card().displayName()).isEqualTo("Alice Liddell");
        assertThat(alice.createdBy()).isEqualTo("admin");
        assertThat(hashes).singleElement().satisfies(hash -> {
            assertThat(hash).startsWith("$2a$10$").doesNotContain(PASSWORD);
            assertThat(OpenBSDBCrypt.checkPassword(hash, PASSWORD.toCharArray())).isTrue();
        });
        assertThat(audited).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo(AuditKind.USER_CHANGED);
            assertThat(record.detail()).isEqualTo("admin created user alice").doesNotContain(PASSWORD);
        });
    }

    @Test
    void refusesATakenNameAnOperatorsNameAndAWeakPasswordChangingNothing() throws Exception {
        service.create(change("alice", PASSWORD), "admin");
        audited.clear();

        assertThatThrownBy(() -> service.create(change("ALICE", PASSWORD), "admin"))
                .isInstanceOfSatisfying(InvalidUserException.class, e -> assertThat(e.problems())
                        .containsExactly("a user named alice exists already"));
        assertThatThrownBy(() -> service.create(change("Admin", PASSWORD), "admin"))
                .isInstanceOfSatisfying(InvalidUserException.class, e -> assertThat(e.problems()).containsExactly(
                        "admin is the name of an administrator or integration account; choose another"));
        assertThatThrownBy(() -> service.create(change("bob", "short"), "admin"))
                .isInstanceOfSatisfying(InvalidUserException.class, e -> assertThat(e.problems())
                        .containsExactly("password must be at least 10 characters long"));
        assertThatThrownBy(() -> service.create(change("bob", null), "admin"))
                .isInstanceOfSatisfying(InvalidUserException.class, e -> assertThat(e.problems())
                        .containsExactly("password is required for a new user"));
        assertThat(stored).hasSize(1);
        assertThat(audited).isEmpty();
    }

    @Test
    void updatesTheCardKeepingThePasswordUnlessANewOneIsGiven() throws Exception {
        UserSnapshot alice = service.create(change("alice", PASSWORD), "admin");
        UserChange renamedCard = new UserChange("alice", ContactCard.named("Alice L."), null, false);

        UserSnapshot changed = service.update(alice.name(), alice.version(), renamedCard, "root");

        assertThat(changed.card()).isEqualTo(ContactCard.named("Alice L."));
        assertThat(changed.enabled()).isFalse();
        assertThat(hashes).hasSize(1);
        assertThat(audited.get(1).detail()).isEqualTo("root changed user alice, disabled");
        assertThat(service.reachable("alice")).as("a disabled user is unknown to remote servers").isEmpty();
        assertThat(departures).containsExactly(new LocalUserLeft(UserName.of("alice"), false));

        service.update(alice.name(), changed.version(), new UserChange("alice", changed.card(), "another password",
                true), "root");
        assertThat(hashes).hasSize(2);
        assertThat(audited.get(2).detail()).isEqualTo("root changed user alice, enabled, new password");
        assertThat(service.reachable("ALICE")).hasValue(ContactCard.named("Alice L."));
    }

    @Test
    void refusesToRenameAndToOverwriteANewerVersion() throws Exception {
        UserSnapshot alice = service.create(change("alice", PASSWORD), "admin");

        assertThatThrownBy(() -> service.update(alice.name(), alice.version(), change("alicia", null), "admin"))
                .isInstanceOfSatisfying(InvalidUserException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("userName cannot change (alice to alicia)"));
        assertThatThrownBy(() -> service.update(alice.name(), alice.version() + 1, change("alice", null), "admin"))
                .isInstanceOf(UserConflictException.class);
    }

    @Test
    void removesAUserAndSaysWhenThereIsNone() throws Exception {
        service.create(change("alice", PASSWORD), "admin");

        service.delete(UserName.of("alice"), "admin");

        assertThat(stored).isEmpty();
        assertThat(departures).containsExactly(new LocalUserLeft(UserName.of("alice"), true));
        assertThat(service.reachable("alice")).isEmpty();
        assertThatThrownBy(() -> service.delete(UserName.of("alice"), "admin"))
                .isInstanceOf(UserNotFoundException.class).hasMessage("There is no local user alice");
        assertThat(service.reachable("not a name")).isEmpty();
    }

    @Test
    void aCsvFileIsPreviewedLineByLineThenImportedWholeKeepingPhotosAndPasswords() throws Exception {
        Photo photo = new Photo("image/png", new byte[] {1, 2, 3});
        service.create(new UserChange("alice", new ContactCard("Alice", "Sales", null, null, List.of("+41 1"), null,
                null, null, photo), PASSWORD, true), "admin");
        service.create(change("bob", PASSWORD), "admin");
        String exported = service.exportCsv();
        assertThat(exported).startsWith("userName,displayName,title,company,department,businessPhones,email,mobile,"
                + "privatePhone,enabled,password\r\n").contains("alice,Alice,Sales,,,'+41 1,,,,true,\r\n")
                .doesNotContain(PASSWORD);
        assertThat(service.previewCsv(exported).lines()).extracting(CsvImport.Line::action)
                .containsExactly(CsvImport.Action.UNCHANGED, CsvImport.Action.UNCHANGED);

        String csv = exported.replace("alice,Alice,Sales,", "alice,Alice,Head of Sales,")
                + "carol,Carol,,,,,carol@corp.example,,,false,'=a long password\r\n"
                + "dave,Dave,,,,,not-an-address,,,true,\r\n";
        CsvImport preview = service.previewCsv(csv);
        assertThat(preview.lines()).extracting(line -> line.entry() + " " + line.action() + " " + line.detail())
                .containsExactly("alice CHANGE title", "bob UNCHANGED ", "carol ADD Carol, disabled",
                        "dave INVALID email 'not-an-address' is not an e-mail address; password is required for a new user");
        assertThatThrownBy(() -> service.importCsv(csv, "admin")).isInstanceOfSatisfying(InvalidUserException.class,
                e -> assertThat(e.problems()).singleElement().asString().startsWith("line 5: email"));
        assertThat(service.get(UserName.of("alice")).card().title()).as("nothing applied").isEqualTo("Sales");

        CsvImport applied = service.importCsv(csv.substring(0, csv.indexOf("dave,")), "admin");

        assertThat(applied.applied()).isTrue();
        assertThat(service.get(UserName.of("alice")).card().title()).isEqualTo("Head of Sales");
        assertThat(service.get(UserName.of("alice")).card().photo()).as("kept").isEqualTo(photo);
        assertThat(service.get(UserName.of("carol")).enabled()).isFalse();
        assertThat(OpenBSDBCrypt.checkPassword(hashes.get(2), "'=a long password".toCharArray()))
                .as("a password is taken as typed, apostrophe and all").isTrue();
        assertThat(hashes).as("alice's and bob's, then carol's; none changed").hasSize(3);
        assertThat(audited).extracting(AuditRecord::detail).contains("admin changed user alice (CSV import)",
                "admin created user carol (CSV import)");
    }

    @Test
    void anImportSettingMorePasswordsThanHashOnTimeIsRefusedWhole() {
        StringBuilder csv = new StringBuilder(String.join(",", UserCsv.HEADER) + "\n");
        for (int user = 0; user <= DefaultLocalUserService.MAX_PASSWORDS_PER_IMPORT; user++) {
            csv.append("u").append(user).append(",User,,,,,,,,true,a long password\n");
        }

        assertThatThrownBy(() -> service.previewCsv(csv.toString())).isInstanceOfSatisfying(InvalidUserException.class,
                e -> assertThat(e.problems()).containsExactly("the file sets 1001 passwords; at most 1000 are set in"
                        + " one import (each is hashed slowly, on purpose): import the file in parts"));
        assertThat(hashes).isEmpty();
    }

    private static UserChange change(String name, String password) {
        return new UserChange(name, ContactCard.named("Alice Liddell"), password, true);
    }

    /** Users in a list, as the JPA repository keeps them in a table. */
    private record ListRepository(List<LocalUser> users) implements LocalUserRepository {

        @Override
        public List<LocalUser> all() {
            return List.copyOf(users);
        }

        @Override
        public Optional<LocalUser> find(UserName name) {
            return users.stream().filter(user -> user.name().equals(name)).findFirst();
        }

        @Override
        public void lockForChange(UserName name) {
            // one test thread: nothing to wait for
        }

        @Override
        public void add(LocalUser user) throws UserConflictException {
            if (find(user.name()).isPresent()) {
                throw new UserConflictException("duplicate " + user.name());
            }
            users.add(user);
        }

        @Override
        public void remove(LocalUser user) {
            users.remove(user);
        }

        @Override
        public void flush() {
            // nothing is pending: every change is in the list already
        }
    }
}
