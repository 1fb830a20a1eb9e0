package dev.parley.audio;

/**
 * Holds the writer like a full line buffer would: once {@link #holdAfter} bytes have passed, the next
 * write waits in {@link #beforeWrite} until the test calls {@link #release()}. Lets a test act
 * (stop, change volume) at a known point in the middle of a chunk without depending on timing.
 */
final class WriteGate {

    private long passed;
    private long holdAfter = -1;
    private boolean holding;

    /** From now on a write that starts once {@code bytes} bytes have passed in total is held. */
    synchronized void holdAfter(long bytes) {
        holdAfter = bytes;
    }

    /** Waits until a write is being held. */
    synchronized void awaitHeld() throws InterruptedException {
        long deadline = System.currentTimeMillis() + RecordingListener.WAIT_MILLIS;
        while (!holding) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("no write was held");
            }
            wait(left);
        }
    }

    /** Lets the held write, and all later ones, through. */
    synchronized void release() {
        holdAfter = -1;
        notifyAll();
    }

    /** Called by the writing thread before it writes {@code length} bytes. */
    synchronized void beforeWrite(int length) throws InterruptedException {
        while (holdAfter >= 0 && passed >= holdAfter) {
            holding = true;
            notifyAll();
            wait();
        }
        holding = false;
        passed += length;
    }
}
