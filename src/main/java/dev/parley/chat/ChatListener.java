package dev.parley.chat;

/**
 * Receives the events of one turn. Calls come one at a time, in order, on the executor the turn
 * was started with (the calling thread in tests, the FX thread in the window, a delivery thread
 * for the WebSocket server).
 */
@FunctionalInterface
public interface ChatListener {

    void onEvent(ChatEvent event);
}
