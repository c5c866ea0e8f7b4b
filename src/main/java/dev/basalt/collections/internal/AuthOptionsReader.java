package dev.basalt.collections.internal;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.AuthOptions.AuthAlert;
import dev.basalt.collections.AuthOptions.EmailTemplate;
import dev.basalt.collections.AuthOptions.Mfa;
import dev.basalt.collections.AuthOptions.OAuth2;
import dev.basalt.collections.AuthOptions.Otp;
import dev.basalt.collections.AuthOptions.PasswordAuth;
import dev.basalt.collections.AuthOptions.RefreshToken;
import dev.basalt.collections.AuthOptions.TokenConfig;
import dev.basalt.shared.ValidationErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads auth options from submitted or stored JSON: the submitted keys are merged into the current options
 * (objects key by key, as PocketBase decodes into the existing options), then read with type and range checks
 * whose errors go under keys like {@code authToken.duration}.
 */
final class AuthOptionsReader {
    /** The collection JSON keys that are auth options. */
    static final Set<String> KEYS = AuthOptions.defaults().toJson().keySet();
    private static final int MIN_OTP_LENGTH = 4;
    private static final long MAX_MFA_OTP_SECONDS = 86_400;

    private final Map<String, Object> json;
    private final ValidationErrors errors;

    private AuthOptionsReader(Map<String, Object> json, ValidationErrors errors) {
        this.json = json;
        this.errors = errors;
    }

    /**
     * The current options with the submitted option keys of {@code submitted} applied. A submitted OAuth2
     * provider without a client secret keeps the stored secret of the provider of the same name (clients never
     * see secrets, so they cannot send them back).
     */
    static AuthOptions merge(AuthOptions current, Map<String, Object> submitted, ValidationErrors errors) {
        Map<String, Object> merged = current.toStoredJson();
        for (String key : KEYS) {
            if (submitted.containsKey(key)) {
                merged.put(key, mergeValue(merged.get(key), submitted.get(key)));
            }
        }
        AuthOptions read = new AuthOptionsReader(merged, errors).read();
        List<Map<String, Object>> providers = new ArrayList<>();
        for (Map<String, Object> p : read.oauth2().providers()) {
            Map<String, Object> copy = new LinkedHashMap<>(p);
            Object secret = copy.get(AuthOptions.OAuth2.CLIENT_SECRET);
            if (secret == null || "".equals(secret)) {
                current.oauth2().provider(String.valueOf(p.get("name")))
                        .map(old -> old.get(AuthOptions.OAuth2.CLIENT_SECRET))
                        .ifPresent(old -> copy.put(AuthOptions.OAuth2.CLIENT_SECRET, old));
            }
            providers.add(copy);
        }
        return new AuthOptions(read.authRule(), read.manageRule(), read.authAlert(),
                new OAuth2(read.oauth2().enabled(), read.oauth2().mappedFields(), providers), read.passwordAuth(),
                read.mfa(), read.otp(), read.authToken(), read.passwordResetToken(), read.emailChangeToken(),
                read.verificationToken(), read.fileToken(), read.verificationTemplate(), read.resetPasswordTemplate(),
                read.confirmEmailChangeTemplate(), read.refreshToken());
    }

    private static Object mergeValue(Object current, Object submitted) {
        if (current instanceof Map<?, ?> base && submitted instanceof Map<?, ?> patch) {
            Map<String, Object> out = new LinkedHashMap<>();
            base.forEach((k, v) -> out.put(String.valueOf(k), v));
            patch.forEach((k, v) -> out.put(String.valueOf(k), mergeValue(out.get(String.valueOf(k)), v)));
            return out;
        }
        return submitted;
    }

    private AuthOptions read() {
        Map<String, Object> alert = object("authAlert");
        Map<String, Object> oauth = object("oauth2");
        Map<String, Object> password = object("passwordAuth");
        Map<String, Object> mfa = object("mfa");
        Map<String, Object> otp = object("otp");
        Map<String, Object> refresh = object("refreshToken");
        boolean otpEnabled = bool(otp, "otp.enabled");
        boolean mfaEnabled = bool(mfa, "mfa.enabled");
        return new AuthOptions(rule("authRule"), rule("manageRule"),
                new AuthAlert(bool(alert, "authAlert.enabled"), template(alert, "authAlert.emailTemplate")),
                new OAuth2(bool(oauth, "oauth2.enabled"), object(oauth, "oauth2.mappedFields"),
                        objects(oauth, "oauth2.providers")),
                new PasswordAuth(bool(password, "passwordAuth.enabled"), strings(password, "passwordAuth.identityFields")),
                new Mfa(mfaEnabled, seconds(mfa, "mfa.duration", mfaEnabled ? MAX_MFA_OTP_SECONDS : Long.MAX_VALUE),
                        string(mfa, "mfa.rule")),
                new Otp(otpEnabled, seconds(otp, "otp.duration", otpEnabled ? MAX_MFA_OTP_SECONDS : Long.MAX_VALUE),
                        otpLength(otp, otpEnabled), template(otp, "otp.emailTemplate")),
                token("authToken"), token("passwordResetToken"), token("emailChangeToken"), token("verificationToken"),
                token("fileToken"), template(json, "verificationTemplate"), template(json, "resetPasswordTemplate"),
                template(json, "confirmEmailChangeTemplate"),
                new RefreshToken(seconds(refresh, "refreshToken.duration", AuthOptions.MAX_TOKEN_SECONDS),
                        seconds(refresh, "refreshToken.inactivity", AuthOptions.MAX_TOKEN_SECONDS),
                        seconds(refresh, "refreshToken.accessDuration", AuthOptions.MAX_TOKEN_SECONDS)));
    }

    private String rule(String key) {
        Object v = json.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        errors.add(key, "validation_invalid_value", "Must be a string or null.");
        return null;
    }

    private TokenConfig token(String key) {
        return new TokenConfig(seconds(object(key), key + ".duration", AuthOptions.MAX_TOKEN_SECONDS));
    }

    private EmailTemplate template(Map<String, Object> parent, String path) {
        Map<String, Object> t = object(parent, path);
        String subject = string(t, path + ".subject");
        String body = string(t, path + ".body");
        if (subject.isBlank()) {
            errors.add(path + ".subject", "validation_required", "Cannot be blank.");
        }
        if (body.isBlank()) {
            errors.add(path + ".body", "validation_required", "Cannot be blank.");
        }
        return new EmailTemplate(subject, body);
    }

    private int otpLength(Map<String, Object> otp, boolean enabled) {
        long length = number(otp, "otp.length");
        if (enabled && length < MIN_OTP_LENGTH) {
            errors.add("otp.length", "validation_min_greater_equal_than_required",
                    "Must be no less than " + MIN_OTP_LENGTH + ".");
        }
        return (int) Math.min(length, Integer.MAX_VALUE);
    }

    private long seconds(Map<String, Object> parent, String path, long max) {
        long v = number(parent, path);
        if (v < AuthOptions.MIN_TOKEN_SECONDS || v > max) {
            errors.add(path, "validation_invalid_range",
                    "Must be between " + AuthOptions.MIN_TOKEN_SECONDS + " and " + max + " seconds.");
        }
        return v;
    }

    private Map<String, Object> object(String key) {
        return object(json, key);
    }

    private Map<String, Object> object(Map<String, Object> parent, String path) {
        Object v = parent.get(last(path));
        Map<String, Object> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, val) -> out.put(String.valueOf(k), val));
        } else if (v != null) {
            errors.add(path, "validation_invalid_value", "Must be an object.");
        }
        return out;
    }

    private List<Map<String, Object>> objects(Map<String, Object> parent, String path) {
        List<Map<String, Object>> out = new ArrayList<>();
        Object v = parent.get(last(path));
        if (v instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> m) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    m.forEach((k, val) -> item.put(String.valueOf(k), val));
                    out.add(item);
                } else {
                    errors.add(path + "." + i, "validation_invalid_value", "Must be an object.");
                }
            }
        } else if (v != null) {
            errors.add(path, "validation_invalid_value", "Must be a list.");
        }
        return out;
    }

    private List<String> strings(Map<String, Object> parent, String path) {
        List<String> out = new ArrayList<>();
        Object v = parent.get(last(path));
        if (v instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s && !out.contains(s)) {
                    out.add(s);
                } else if (!(item instanceof String)) {
                    errors.add(path, "validation_invalid_value", "Must be a list of field names.");
                }
            }
        } else if (v != null) {
            errors.add(path, "validation_invalid_value", "Must be a list of field names.");
        }
        return out;
    }

    private boolean bool(Map<String, Object> parent, String path) {
        Object v = parent.get(last(path));
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        errors.add(path, "validation_invalid_value", "Must be a boolean.");
        return false;
    }

    private String string(Map<String, Object> parent, String path) {
        Object v = parent.get(last(path));
        if (v == null || v instanceof String) {
            return v == null ? "" : (String) v;
        }
        errors.add(path, "validation_invalid_value", "Must be a string.");
        return "";
    }

    private long number(Map<String, Object> parent, String path) {
        Object v = parent.get(last(path));
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        errors.add(path, "validation_invalid_value", "Must be a whole number.");
        return 0;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
