package dev.parley.server;

/** A stream request that cannot be served; {@link #code()} is the protocol's error code. */
public final class RequestException extends Exception {

    private final int code;

    public RequestException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
