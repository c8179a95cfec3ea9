package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log records above DEBUG of the extension, the WebSocket server and Vert.x, while it is open: for tests that a
 * client's mistake is not logged as a server error. The loggers are held, so that the handlers stay on them.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private static final List<String> NAMES = List.of("io.quarkiverse", "io.quarkus.websockets", "io.quarkus.vertx",
            "io.vertx", "io.netty");

    private final List<Logger> loggers = new ArrayList<>();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogCapture() {
        for (String name : NAMES) {
            Logger logger = Logger.getLogger(name);
            logger.addHandler(this);
            loggers.add(logger);
        }
    }

    List<LogRecord> records() {
        return List.copyOf(records);
    }

    void assertQuiet() {
        List<String> logged = new ArrayList<>();
        for (LogRecord record : records()) {
            logged.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
        }
        assertEquals(List.of(), logged, "nothing logged above DEBUG");
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() > Level.FINE.intValue()) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        loggers.forEach(logger -> logger.removeHandler(this));
    }
}
