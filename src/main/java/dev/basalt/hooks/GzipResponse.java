package dev.basalt.hooks;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.zip.GZIPOutputStream;

/**
 * The answer of a request through {@code $apis.gzip()}: the body is gzip-compressed as it is written (PocketBase's
 * {@code gzipResponseWriter}). Whether to compress is decided at the first byte, so an answer without a body, one
 * already encoded, a partial one (206) or an event stream passes unchanged; {@code Content-Length} is dropped (the
 * compressed length is not known). {@link #finish} ends the compressed stream once the answer is written.
 */
final class GzipResponse extends HttpServletResponseWrapper {
    private static final String EVENT_STREAM = "text/event-stream";
    private ServletOutputStream stream;
    private GZIPOutputStream gzip;
    private PrintWriter writer;

    GzipResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream out = super.getOutputStream();
            stream = new ServletOutputStream() {
                private OutputStream target;

                private OutputStream target() throws IOException {
                    if (target == null) {
                        target = compressed() ? (gzip = new GZIPOutputStream(out, true)) : out;
                    }
                    return target;
                }

                @Override
                public void write(int b) throws IOException {
                    target().write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    target().write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    if (target != null) {
                        target.flush();
                    }
                    out.flush();
                }

                @Override
                public boolean isReady() {
                    return out.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    out.setWriteListener(listener);
                }
            };
        }
        return stream;
    }

    /** At the first byte: compress unless the answer is partial, already encoded or a stream of events. */
    private boolean compressed() {
        String type = getContentType();
        if (getStatus() == SC_PARTIAL_CONTENT || containsHeader("Content-Encoding")
                || (type != null && type.startsWith(EVENT_STREAM))) {
            return false;
        }
        super.setHeader("Content-Encoding", "gzip");
        return true;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                    encoding == null ? Charset.defaultCharset() : Charset.forName(encoding)));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (stream != null) {
            stream.flush();
        }
        super.flushBuffer();
    }

    @Override
    public void setContentLength(int length) {
        // the compressed length differs
    }

    @Override
    public void setContentLengthLong(long length) {
        // the compressed length differs
    }

    @Override
    public void setHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setIntHeader(name, value);
        }
    }

    /** Ends the compressed stream (its trailer), when the answer was compressed. */
    void finish() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (gzip != null) {
            gzip.finish();
            gzip.flush();
        }
    }
}
