package org.edgebatch.ort;

/** ONNX Runtime's {@code OrtLoggingLevel}: the least severe message ONNX Runtime reports. */
public enum LogLevel {
    VERBOSE(0, System.Logger.Level.TRACE),
    INFO(1, System.Logger.Level.DEBUG),
    WARNING(2, System.Logger.Level.WARNING),
    ERROR(3, System.Logger.Level.ERROR),
    FATAL(4, System.Logger.Level.ERROR);

    private final int code;
    private final System.Logger.Level loggerLevel;

    LogLevel(int code, System.Logger.Level loggerLevel) {
        this.code = code;
        this.loggerLevel = loggerLevel;
    }

    /** The C enum value. */
    public int code() {
        return code;
    }

    /** The {@link System.Logger} level ONNX Runtime's messages of this severity are logged at. */
    public System.Logger.Level loggerLevel() {
        return loggerLevel;
    }

    /** The level for a C enum value; values out of range are treated as {@link #FATAL}. */
    public static LogLevel fromCode(int code) {
        for (LogLevel level : values()) {
            if (level.code == code) {
                return level;
            }
        }
        return FATAL;
    }
}
