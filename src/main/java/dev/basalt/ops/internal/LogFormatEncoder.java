package dev.basalt.ops.internal;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The console encoder of {@code logback-spring.xml}: JSON lines (logstash-logback-encoder) when
 * {@code format} is {@code json}, else the human-readable {@code pattern}. Chosen once, when logback starts
 * the appender; an unknown format falls back to text so the start-up error about it can still be read.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {
    /** The value of {@code basalt.log-format} that selects JSON lines. */
    public static final String JSON = "json";

    private String format = "text";
    private String pattern = "%d %-5level [%thread] %logger : %msg%n";
    private Charset charset = StandardCharsets.UTF_8;
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format == null ? "" : format.trim();
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    /** True when this encoder writes JSON lines. */
    public boolean json() {
        return JSON.equalsIgnoreCase(format);
    }

    @Override
    public void start() {
        if (json()) {
            LogstashEncoder encoder = new LogstashEncoder();
            encoder.setContext(getContext());
            encoder.setIncludeContext(false);
            encoder.start();
            delegate = encoder;
        } else {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(getContext());
            encoder.setPattern(pattern);
            encoder.setCharset(charset);
            encoder.start();
            delegate = encoder;
        }
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
