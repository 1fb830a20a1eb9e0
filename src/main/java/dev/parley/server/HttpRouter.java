package dev.parley.server;

/** Decides what a request on the server's port gets. Called on a Java-WebSocket worker thread: keep it quick. */
@FunctionalInterface
interface HttpRouter {

    /**
     * @param request the request line and headers
     * @param upgradable whether it is a valid WebSocket upgrade request
     * @return the plain HTTP response to send, or {@code null} to accept the upgrade
     */
    HttpResponse route(RequestHead request, boolean upgradable);
}
