package dev.basalt.auth;

import dev.basalt.logs.LogsConfig;
import dev.basalt.logs.LogsHooks;
import dev.basalt.settings.Settings;
import dev.basalt.settings.SettingsStore;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Gives the logs module the {@code logs} settings and the client's address behind trusted proxies. */
@Component
class LogsSettingsHooks implements LogsHooks {
    private final SettingsStore settings;
    private final ClientAddress clientAddress;

    LogsSettingsHooks(SettingsStore settings, ClientAddress clientAddress) {
        this.settings = settings;
        this.clientAddress = clientAddress;
    }

    @Override
    public LogsConfig logsConfig() {
        Settings.Logs logs = settings.recent().logs();
        return new LogsConfig(logs.maxDays(), logs.minLevel(), logs.logIP(), logs.logAuthId());
    }

    @Override
    public String clientIp(HttpServletRequest request) {
        return clientAddress.of(request);
    }
}
