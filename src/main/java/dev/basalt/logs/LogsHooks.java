package dev.basalt.logs;

import jakarta.servlet.http.HttpServletRequest;

/** What the logs module needs from the application (implemented where the settings and trusted proxies live). */
public interface LogsHooks {
    /** The current {@code logs} settings; may be a recent cached read. */
    LogsConfig logsConfig();

    /** The client's address, behind trusted proxies as configured ({@code data.userIP}). */
    String clientIp(HttpServletRequest request);
}
