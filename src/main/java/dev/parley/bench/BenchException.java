package dev.parley.bench;

/** The benchmark could not measure what it set out to: a turn failed or hung. */
final class BenchException extends Exception {

    BenchException(String message) {
        super(message);
    }
}
