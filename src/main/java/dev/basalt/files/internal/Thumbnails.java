package dev.basalt.files.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Renders thumbnails of PNG, JPEG, GIF and WebP images with {@code java.awt} (headless); GIFs and animated WebPs
 * keep their first frame. WebP is decoded by the TwelveMonkeys ImageIO plugin and, as in PocketBase, its thumbnails
 * are PNGs (there is no WebP encoder).
 */
final class Thumbnails {
    /** Content types thumbnails are made for, with the ImageIO format that writes them. */
    static final Map<String, String> FORMATS = Map.of("image/png", "png", "image/jpeg", "jpeg", "image/gif", "gif",
            "image/webp", "png");
    /** The largest source image decoded (width times height), so a small file cannot unpack into gigabytes. */
    static final long MAX_SOURCE_PIXELS = 40_000_000L;

    static {
        // Registers the plugins of the application's class loader (WebP) also when ImageIO was first used elsewhere.
        ImageIO.scanForPlugins();
    }

    private Thumbnails() {
    }

    /** The content type of the thumbnails of a source of this type ({@code image/png} for WebP). */
    static String thumbType(String sourceType) {
        return FORMATS.get(sourceType).equals("png") ? "image/png" : sourceType;
    }

    /** The encoded thumbnail, or empty when the image cannot be read or is too large to decode. */
    static Optional<byte[]> render(InputStream source, String contentType, ThumbSize size) throws IOException {
        String format = FORMATS.get(contentType);
        if (format == null) {
            return Optional.empty();
        }
        BufferedImage image = read(source);
        if (image == null) {
            return Optional.empty();
        }
        BufferedImage thumb = resize(image, size, !format.equals("jpeg"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(thumb, format, out)) {
            return Optional.empty();
        }
        return Optional.of(out.toByteArray());
    }

    private static BufferedImage read(InputStream source) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(source)) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_SOURCE_PIXELS) {
                    return null;
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    static BufferedImage resize(BufferedImage image, ThumbSize size, boolean alpha) {
        int sw = image.getWidth();
        int sh = image.getHeight();
        int w = size.width();
        int h = size.height();
        if (w == 0) {
            w = Math.max(1, (int) Math.round((double) sw * h / sh));
            return draw(image, w, h, 0, 0, sw, sh, alpha);
        }
        if (h == 0) {
            h = Math.max(1, (int) Math.round((double) sh * w / sw));
            return draw(image, w, h, 0, 0, sw, sh, alpha);
        }
        if (size.mode() == ThumbSize.Mode.FIT) {
            if (sw <= w && sh <= h) {
                return draw(image, sw, sh, 0, 0, sw, sh, alpha);
            }
            double scale = Math.min((double) w / sw, (double) h / sh);
            int fw = Math.max(1, (int) Math.round(sw * scale));
            int fh = Math.max(1, (int) Math.round(sh * scale));
            return draw(image, fw, fh, 0, 0, sw, sh, alpha);
        }
        // Fill: the largest source region with the target's aspect ratio, anchored at the center, top or bottom.
        double ratio = (double) w / h;
        int cw = sw;
        int ch = (int) Math.round(sw / ratio);
        if (ch > sh) {
            ch = sh;
            cw = (int) Math.round(sh * ratio);
        }
        int cx = (sw - cw) / 2;
        int cy = switch (size.mode()) {
            case TOP -> 0;
            case BOTTOM -> sh - ch;
            default -> (sh - ch) / 2;
        };
        return draw(image, w, h, cx, cy, cw, ch, alpha);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h, int sx, int sy, int sw, int sh, boolean alpha) {
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(src, 0, 0, w, h, sx, sy, sx + sw, sy + sh, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
