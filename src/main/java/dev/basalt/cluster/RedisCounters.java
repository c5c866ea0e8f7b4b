package dev.basalt.cluster;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import org.springframework.dao.DataAccessResourceFailureException;

/** {@link SharedCounters} in Redis: {@code INCR} and, for a new key, {@code PEXPIRE}, in one Lua script (atomic). */
final class RedisCounters implements SharedCounters {
    /** Increments KEYS[1]; sets its lifetime (ARGV[1], ms) when this created it; returns the new value. */
    private static final String INCREMENT = "local n = redis.call('INCR', KEYS[1]) "
            + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";
    private final RedisLink link;

    RedisCounters(RedisLink link) {
        this.link = link;
    }

    @Override
    public long increment(String key, Duration lifetime) {
        try {
            Long n = link.commands().sync().eval(INCREMENT, ScriptOutputType.INTEGER,
                    new String[] {link.prefix() + "count:" + key}, Long.toString(Math.max(1, lifetime.toMillis())));
            return n == null ? 0 : n;
        } catch (RedisException e) {
            throw new DataAccessResourceFailureException("Redis at " + link.where() + " is unavailable", e);
        }
    }
}
