package dev.parley;

/**
 * Sets up slf4j-simple. It reads its settings once, when the first logger is created, so this
 * runs before anything logs.
 */
final class Logging {

    private Logging() {
    }

    static void configure(String level) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "debug".equals(level) || "trace".equals(level)
                ? "true" : "false");
        // Java-WebSocket logs every connection at debug; only our own debug lines are wanted.
        setIfAbsent("org.slf4j.simpleLogger.log.org.java_websocket", "info");
        setIfAbsent("org.slf4j.simpleLogger.log.okhttp3", "info");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
