package dev.basalt.logs.internal;

import dev.basalt.logs.LogsConfig;
import dev.basalt.query.ColumnInfo;
import dev.basalt.query.ColumnKind;
import dev.basalt.query.TableSchema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code _logs} table: batch inserts, reads in PocketBase's JSON shape, hourly counts and retention. */
@Component
public class LogTable {
    /** The columns filters and sorts may use: PocketBase's {@code id, created, level, message, data, data.*}. */
    public static final TableSchema SCHEMA = TableSchema.of("_logs", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT), ColumnInfo.of("created", ColumnKind.DATE),
            ColumnInfo.of("level", ColumnKind.NUMBER), ColumnInfo.of("message", ColumnKind.TEXT),
            ColumnInfo.of("data", ColumnKind.JSON))).ordered("id", List.of("created"));
    /** PocketBase's datetime format, always UTC. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final Table<Record> LOGS = DSL.table(DSL.name("_logs"));
    private static final Field<String> ID = DSL.field(DSL.name("_logs", "id"), String.class);
    private static final Field<OffsetDateTime> CREATED = DSL.field(DSL.name("_logs", "created"), OffsetDateTime.class);
    private static final Field<Integer> LEVEL = DSL.field(DSL.name("_logs", "level"), Integer.class);
    private static final Field<String> MESSAGE = DSL.field(DSL.name("_logs", "message"), String.class);
    private static final Field<JSONB> DATA = DSL.field(DSL.name("_logs", "data"), JSONB.class);
    /** Base-36 digits in {@link Long#toString(long, int)}'s order, so a time prefix sorts like the time. */
    private static final String ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int ID_LENGTH = 15;
    /** Most base-36 digits of the time prefix (8 today, 9 after 2059). */
    private static final int TIME_CHARS = 9;
    /** Room per row in the COPY buffer, so it rarely grows. */
    private static final int ROW_BYTES = 400;
    /** The COPY statement, names rendered by jOOQ. */
    private static final String COPY_IN = copyStatement();
    private final DSLContext dsl;

    LogTable(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Writes the entries the settings let through (none when {@code maxDays} is 0) with one {@code COPY ... FROM
     * STDIN} in PostgreSQL's text format. Profiled against the former {@code INSERT ... SELECT FROM unnest(...)} of
     * five bound arrays: COPY skips building, binding and parsing the arrays and the per-row casts, and PostgreSQL
     * inserts the rows in multi-row batches.
     */
    void insert(List<? extends PendingLog> entries, LogsConfig config) {
        if (config.maxDays() <= 0) {
            return;
        }
        StringBuilder rows = new StringBuilder(entries.size() * ROW_BYTES);
        int count = 0;
        for (PendingLog e : entries) {
            if (e.level() < config.minLevel()) {
                continue;
            }
            rows.append(newId()).append('\t').append(Instant.ofEpochMilli(e.createdMillis())).append('\t')
                    .append(e.level()).append('\t');
            copyText(rows, e.message());
            rows.append('\t');
            copyText(rows, e.dataJson(config));
            rows.append('\n');
            count++;
        }
        if (count == 0) {
            return;
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        dsl.connection(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_IN);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    private static String copyStatement() {
        DSLContext render = DSL.using(SQLDialect.POSTGRES);
        return "COPY " + render.render(LOGS) + " (" + Stream.of(ID, CREATED, LEVEL, MESSAGE, DATA)
                .map(f -> render.render(DSL.name(f.getName()))).collect(Collectors.joining(", ")) + ") FROM STDIN";
    }

    /** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
    private static void copyText(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** One entry in PocketBase's shape. */
    public Optional<Map<String, Object>> find(String id) {
        return dsl.selectFrom(LOGS).where(ID.eq(id)).fetchOptional().map(LogTable::toJson);
    }

    /** A row of {@code _logs} in PocketBase's shape: id, created, updated, level, message, data. */
    public static Map<String, Object> toJson(Record row) {
        Map<String, Object> json = new LinkedHashMap<>();
        OffsetDateTime at = row.get(CREATED.getName(), OffsetDateTime.class);
        String created = DATE.format(at.withOffsetSameInstant(ZoneOffset.UTC));
        json.put("id", row.get(ID.getName(), String.class));
        json.put("created", created);
        json.put("updated", created);
        json.put("level", row.get(LEVEL.getName(), Integer.class));
        json.put("message", row.get(MESSAGE.getName(), String.class));
        JSONB data = row.get(DATA.getName(), JSONB.class);
        json.put("data", data == null ? Map.of() : JSON.readValue(data.data(), OBJECT));
        return json;
    }

    /** Entries per hour (UTC) matching the condition, oldest hour first: {@code [{date, total}]}. */
    public List<Map<String, Object>> stats(Condition where) {
        Field<LocalDateTime> truncated = DSL.field("date_trunc('hour', {0} at time zone 'UTC')", LocalDateTime.class,
                CREATED);
        Field<LocalDateTime> hour = truncated.as("date");
        Field<Integer> total = DSL.count().as("total");
        return dsl.select(hour, total).from(LOGS).where(where).groupBy(truncated).orderBy(truncated).fetch(r -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("date", DATE.format(r.get(hour).atOffset(ZoneOffset.UTC)));
            item.put("total", r.get(total));
            return item;
        });
    }

    /** Deletes entries created at or before {@code cutoff}; returns how many. */
    public int deleteUpTo(Instant cutoff) {
        return dsl.deleteFrom(LOGS).where(CREATED.le(cutoff.atOffset(ZoneOffset.UTC))).execute();
    }

    /**
     * A PocketBase-shaped id (15 of {@code [a-z0-9]}) that starts with the time in milliseconds, so new rows land at the
     * end of the primary key's index instead of at random pages.
     */
    static String newId() {
        String time = Long.toString(System.currentTimeMillis(), ID_ALPHABET.length());
        StringBuilder id = new StringBuilder(ID_LENGTH).append(time, 0, Math.min(time.length(), TIME_CHARS));
        while (id.length() < ID_LENGTH) {
            // not a secret (only superusers read logs), so the cheap generator
            id.append(ID_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
