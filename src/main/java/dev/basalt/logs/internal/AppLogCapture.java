package dev.basalt.logs.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import dev.basalt.logs.LogLevels;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Copies the application's WARN and ERROR log events into the logs (levels 4 and 8), as PocketBase's app logger
 * writes its warnings and errors to {@code _logs}. Events of this module are left out, so a failing write cannot
 * feed itself. The console output is unchanged.
 */
@Component
class AppLogCapture implements SmartLifecycle {
    private static final String OWN_LOGGERS = "dev.basalt.logs.";
    private static final int MAX_MESSAGE = 3000;
    private final LogWriter writer;
    private volatile Appender appender;

    AppLogCapture(LogWriter writer) {
        this.writer = writer;
    }

    @Override
    public void start() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        Appender a = new Appender();
        a.setContext(context);
        a.setName("basalt-logs-table");
        a.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(a);
        appender = a;
    }

    @Override
    public void stop() {
        Appender a = appender;
        appender = null;
        if (a != null && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(a);
            a.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return appender != null;
    }

    /** Stops before the writer, so no event is queued after the writer's last batch. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2 + 1;
    }

    private final class Appender extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            if (!event.getLevel().isGreaterOrEqual(Level.WARN) || event.getLoggerName().startsWith(OWN_LOGGERS)
                    || writer.config().maxDays() <= 0) {
                return;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("type", "app");
            data.put("logger", event.getLoggerName());
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                data.put("error", thrown.getClassName() + ": " + thrown.getMessage());
            }
            String message = event.getFormattedMessage();
            if (message != null && message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE) + "...";
            }
            int level = event.getLevel().isGreaterOrEqual(Level.ERROR) ? LogLevels.ERROR : LogLevels.WARN;
            writer.offer(new LogEntry(Instant.ofEpochMilli(event.getTimeStamp()), level,
                    message == null ? "" : message, data));
        }
    }
}
