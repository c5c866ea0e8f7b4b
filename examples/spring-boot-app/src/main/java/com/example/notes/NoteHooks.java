package com.example.notes;

import dev.basalt.boot.BasaltHooksCustomizer;
import dev.basalt.hooks.Hooks;
import dev.basalt.shared.ApiException;
import java.text.Normalizer;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The app's record hook: every note written (through the REST API, a batch or the dashboard) gets a {@code slug}
 * made from its title, and a title containing a banned word is refused with a 400, inside the write's transaction.
 */
@Component
class NoteHooks implements BasaltHooksCustomizer {
    static final String COLLECTION = "notes";
    static final String BANNED_WORD = "spam";

    @Override
    public void customize(Hooks hooks) {
        hooks.onRecordCreate().bind(e -> {
            String title = String.valueOf(e.record().get("title"));
            if (title.toLowerCase(Locale.ROOT).contains(BANNED_WORD)) {
                throw ApiException.badRequest("Notes about " + BANNED_WORD + " are not allowed.");
            }
            e.record().put("slug", slug(title));
            e.next();
        }, COLLECTION);
    }

    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
