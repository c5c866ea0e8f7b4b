package dev.basalt.files.internal;

import dev.basalt.collections.fields.FileField;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A thumbnail size as PocketBase writes it: {@code WxH} crops to fill from the center, {@code WxHt} from the top,
 * {@code WxHb} from the bottom, {@code WxHf} fits inside without cropping, {@code 0xH} and {@code Wx0} keep the
 * aspect ratio.
 */
record ThumbSize(int width, int height, Mode mode) {
    /** How the image is brought to the size. */
    enum Mode { CENTER, TOP, BOTTOM, FIT }

    static Optional<ThumbSize> parse(String text) {
        Matcher m = text == null ? null : FileField.THUMB_SIZE.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if ((w == 0 && h == 0) || w > FileField.MAX_THUMB_DIMENSION || h > FileField.MAX_THUMB_DIMENSION) {
            return Optional.empty();
        }
        Mode mode = m.group(3) == null ? Mode.CENTER : switch (m.group(3)) {
            case "t" -> Mode.TOP;
            case "b" -> Mode.BOTTOM;
            default -> Mode.FIT;
        };
        return Optional.of(new ThumbSize(w, h, mode));
    }
}
