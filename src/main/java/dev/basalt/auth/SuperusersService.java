package dev.basalt.auth;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordInput;
import dev.basalt.records.RecordService;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Creates, updates and deletes superusers through the records API's one write path, and issues their OTPs. */
@Service
class SuperusersService implements Superusers {
    private static final RecordRequest SYSTEM_WRITE = SuperuserCollection.SYSTEM_WRITE;
    private final CollectionRegistry collections;
    private final RecordReads store;
    private final RecordService records;
    private final OneTimePasswords otps;

    SuperusersService(CollectionRegistry collections, RecordReads store, RecordService records,
                      OneTimePasswords otps) {
        this.collections = collections;
        this.store = store;
        this.records = records;
        this.otps = otps;
    }

    @Override
    public boolean upsert(String email, String password) {
        Optional<RecordData> existing = find(email);
        if (existing.isPresent()) {
            records.update(superusers(), existing.get().id(), credentials(email, password),
                    SYSTEM_WRITE);
            return false;
        }
        create(email, password);
        return true;
    }

    @Override
    public void create(String email, String password) {
        records.create(superusers(), credentials(email, password), SYSTEM_WRITE);
    }

    @Override
    public boolean changePassword(String email, String password) {
        Optional<RecordData> existing = find(email);
        existing.ifPresent(row -> records.update(superusers(), row.id(),
                RecordInput.of(Map.of("password", password, "passwordConfirm", password)), SYSTEM_WRITE));
        return existing.isPresent();
    }

    @Override
    public boolean delete(String email) {
        Optional<RecordData> existing = find(email);
        existing.ifPresent(row -> records.delete(superusers(), row.id(), SYSTEM_WRITE));
        return existing.isPresent();
    }

    @Override
    public Optional<OneTimePassword> otp(String email) {
        Collection c = superusers();
        AuthOptions.Otp options = c.authOptions().otp();
        Optional<RecordData> existing = find(email);
        if (existing.isPresent() && !options.enabled()) {
            throw AuthErrors.SUPERUSER_OTP_DISABLED.exception();
        }
        return existing.map(row -> {
            OneTimePasswords.Issued issued = otps.issue(c.id(), row.id(),
                    String.valueOf(row.get("email")), options.length());
            return new OneTimePassword(issued.id(), issued.password(), options.duration());
        });
    }

    private Optional<RecordData> find(String email) {
        return store.findByEmail(superusers(), email);
    }

    private Collection superusers() {
        return collections.find(SuperuserCollection.NAME).orElseThrow();
    }

    private static RecordInput credentials(String email, String password) {
        return RecordInput.of(Map.of("email", email == null ? "" : email.trim(), "password", password,
                "passwordConfirm", password));
    }
}
