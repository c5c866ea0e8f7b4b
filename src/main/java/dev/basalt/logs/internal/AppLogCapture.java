package dev.basalt.logs.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextListener;
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
        attach(context, a);
        context.addListener(new ReattachOnReset(a));
        appender = a;
        writer.housekeeping(() -> reattach(context, a));
    }

    /**
     * Attaches the appender again if logback lost it: a stop of the logger context (another Spring application in
     * the same JVM failing to start, as in tests) drops it together with the reset listener.
     */
    private void reattach(LoggerContext context, Appender a) {
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (appender == a && (!a.isStarted() || !root.isAttached(a))) {
            root.detachAppender(a);
            attach(context, a);
        }
    }

    private static void attach(LoggerContext context, Appender a) {
        a.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(a);
    }

    @Override
    public void stop() {
        Appender a = appender;
        appender = null;
        writer.housekeeping(() -> { });
        if (a != null && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getCopyOfListenerList().stream().filter(l -> l instanceof ReattachOnReset r && r.appender == a)
                    .forEach(context::removeListener);
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

    /**
     * Puts the appender back after logback is reconfigured (a reset detaches and stops every appender), e.g. when
     * another Spring application starts in the same JVM.
     */
    private record ReattachOnReset(Appender appender) implements LoggerContextListener {
        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onReset(LoggerContext context) {
            attach(context, appender);
        }

        @Override
        public void onStart(LoggerContext context) {
        }

        @Override
        public void onStop(LoggerContext context) {
        }

        @Override
        public void onLevelChange(ch.qos.logback.classic.Logger logger, Level level) {
        }
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
