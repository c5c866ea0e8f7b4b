package dev.basalt.realtime;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client IP address of a request, as PocketBase's {@code RealIP()} finds it (trusted proxy headers). Implemented
 * by the auth module; without an implementation the connection's remote address is used.
 */
public interface RequestAddress {

    /** The address of the client that sent {@code request}. */
    String of(HttpServletRequest request);
}
