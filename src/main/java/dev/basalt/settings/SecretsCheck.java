package dev.basalt.settings;

import org.springframework.stereotype.Component;

/**
 * Checks the stored secrets once at start ({@link SealedParams#checkOnStart()}). No other bean depends on it, so it
 * runs with the application's singletons, after the web server is initialized and before it listens: a missing or
 * wrong key stops the start as one line through the failure analyzers, and no request is ever served.
 */
@Component
class SecretsCheck {

    SecretsCheck(SealedParams params) {
        params.checkOnStart();
    }
}
