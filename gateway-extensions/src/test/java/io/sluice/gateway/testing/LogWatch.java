package io.sluice.gateway.testing;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every log line of this JVM at INFO and above (Flink's, Kafka's clients', the gateway's), with its
 * exception's trace, while it is open: what a production gateway would log at its default level. The console keeps
 * printing only what the test configuration prints.
 */
public final class LogWatch implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final LoggerConfig root;
    private final Level rootLevel;
    private final Appender recorder;
    private final Appender console;

    public LogWatch() {
        Configuration configuration = context.getConfiguration();
        root = configuration.getRootLogger();
        rootLevel = root.getLevel();
        console = configuration.getAppender("console");
        recorder = new AbstractAppender("log-watch", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringWriter line = new StringWriter();
                line.append(event.getLoggerName()).append(" ").append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    event.getThrown().printStackTrace(new PrintWriter(line));
                }
                lines.add(line.toString());
            }
        };
        recorder.start();
        root.setLevel(Level.INFO);
        root.addAppender(recorder, Level.INFO, null);
        if (console != null) {
            root.removeAppender("console");
            root.addAppender(console, rootLevel, null);
        }
        context.updateLoggers();
    }

    /** The lines recorded so far that contain {@code text}. */
    public List<String> linesContaining(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    public int size() {
        return lines.size();
    }

    @Override
    public void close() {
        root.removeAppender(recorder.getName());
        if (console != null) {
            root.removeAppender("console");
            root.addAppender(console, null, null);
        }
        root.setLevel(rootLevel);
        context.updateLoggers();
        recorder.stop();
    }
}
