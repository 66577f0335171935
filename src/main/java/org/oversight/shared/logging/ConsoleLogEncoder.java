package org.oversight.shared.logging;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's encoder (logback-spring.xml): Spring Boot's usual text lines, or one JSON object a line when
 * OVERSIGHT_LOG_FORMAT is json (Elastic Common Schema, "ecs"), or one of Spring Boot's other structured formats by
 * name (logstash, gelf). Chosen once at start-up, without needing a scripting library in logback.
 */
public class ConsoleLogEncoder extends EncoderBase<ILoggingEvent> {

    private String format = "text";
    private String pattern;
    private Charset charset = StandardCharsets.UTF_8;
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        switch (format) {
            case "", "text" -> {
                PatternLayoutEncoder text = new PatternLayoutEncoder();
                text.setPattern(pattern);
                text.setCharset(charset);
                delegate = text;
            }
            default -> {
                StructuredLogEncoder structured = new StructuredLogEncoder();
                structured.setFormat(format.equals("json") ? "ecs" : format);
                structured.setCharset(charset);
                delegate = structured;
            }
        }
        delegate.setContext(getContext());
        delegate.start();
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
