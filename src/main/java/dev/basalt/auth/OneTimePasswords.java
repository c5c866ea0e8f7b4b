package dev.basalt.auth;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time passwords ({@code _otps}): random digits, stored as SHA-256, valid for the collection's
 * {@code otp.duration}, used once, and dropped after {@link #MAX_ATTEMPTS} wrong guesses. Compared in constant time.
 */
@Component
class OneTimePasswords {
    /** Wrong guesses after which an OTP is deleted. */
    static final int MAX_ATTEMPTS = 5;
    private static final int ID_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Table<Record> OTPS = DSL.table(DSL.name("_otps"));
    private static final Field<String> ID = DSL.field(DSL.name("id"), String.class);
    private static final Field<String> COLLECTION_ID = DSL.field(DSL.name("collection_id"), String.class);
    private static final Field<String> RECORD_ID = DSL.field(DSL.name("record_id"), String.class);
    private static final Field<String> HASH = DSL.field(DSL.name("password_hash"), String.class);
    private static final Field<String> SENT_TO = DSL.field(DSL.name("sent_to"), String.class);
    private static final Field<Integer> ATTEMPTS = DSL.field(DSL.name("attempts"), Integer.class);
    private static final Field<OffsetDateTime> CREATED = DSL.field(DSL.name("created"), OffsetDateTime.class);

    /** A new OTP: its id (for the client) and password (for the mail). */
    record Issued(String id, String password) {
    }

    /** A used OTP: whose it was and where it was sent. */
    record Used(String recordId, String sentTo) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final TransactionTemplate tx;

    OneTimePasswords(DSLContext dsl, TransactionTemplate tx, Clock clock) {
        this.clock = clock;
        this.dsl = dsl;
        this.tx = tx;
    }

    Issued issue(String collectionId, String recordId, String sentTo, int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        String id = randomId();
        dsl.insertInto(OTPS).set(ID, id).set(COLLECTION_ID, collectionId).set(RECORD_ID, recordId)
                .set(HASH, TokenHashes.sha256(digits.toString())).set(SENT_TO, sentTo)
                .set(CREATED, OffsetDateTime.now(clock)).execute();
        return new Issued(id, digits.toString());
    }

    /** A random id of the same shape, answered when no OTP is sent (so the answer does not tell). */
    static String randomId() {
        byte[] b = new byte[ID_BYTES];
        RANDOM.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b).substring(0, 15);
    }

    /** Spends the OTP when the password matches and it is younger than {@code maxAgeSeconds}. */
    Optional<Used> use(String collectionId, String otpId, String password, long maxAgeSeconds) {
        return tx.execute(s -> {
            Record otp = dsl.select(RECORD_ID, HASH, SENT_TO, ATTEMPTS, CREATED).from(OTPS)
                    .where(ID.eq(otpId)).and(COLLECTION_ID.eq(collectionId)).forUpdate().fetchOne();
            if (otp == null) {
                return Optional.<Used>empty();
            }
            boolean fresh = otp.get(CREATED).isAfter(OffsetDateTime.now(clock).minusSeconds(maxAgeSeconds));
            boolean matches = password != null && MessageDigest.isEqual(
                    otp.get(HASH).getBytes(StandardCharsets.UTF_8),
                    TokenHashes.sha256(password).getBytes(StandardCharsets.UTF_8));
            if (fresh && matches) {
                dsl.deleteFrom(OTPS).where(ID.eq(otpId)).execute();
                return Optional.of(new Used(otp.get(RECORD_ID), otp.get(SENT_TO)));
            }
            if (!fresh || otp.get(ATTEMPTS) + 1 >= MAX_ATTEMPTS) {
                dsl.deleteFrom(OTPS).where(ID.eq(otpId)).execute();
            } else {
                dsl.update(OTPS).set(ATTEMPTS, ATTEMPTS.plus(1)).where(ID.eq(otpId)).execute();
            }
            return Optional.<Used>empty();
        });
    }
}
