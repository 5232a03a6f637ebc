package org.cleanblog.web.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads a request body without a thread before the servlet sees the request (issue 9, finding 1.4; ADR 0024): Jetty
 * calls back as bytes arrive, they are copied here, and only a complete body (or one that has passed the size limit)
 * is handed to the {@link FrontController}, whose blocking reads then find every byte already there. A client that
 * trickles its body holds a connection and the bytes it sent, never one of the server's threads.
 *
 * <p>A body announced as larger than the limit is not read here: the front controller refuses it with 413 at once.
 * A body that passes the limit without announcing its length is handed over as soon as it does, with the rest still
 * to read, so that {@link FormData} refuses it as before. The copy holds at most {@code maxBytes + 1} bytes plus one
 * network chunk per request.
 *
 * <p>Thread-safe: one loader per request, driven by Jetty one callback at a time.
 */
final class BufferedBodies implements EagerContentHandler.ContentLoaderFactory {
    private final long maxBytes;

    BufferedBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String getApplicableMimeType() {
        return null; // every content type: the blog reads every body itself
    }

    @Override
    public EagerContentHandler.ContentLoader newContentLoader(
            String contentType, String mimeType, Handler next, Request request, Response response, Callback callback) {
        return request.getLength() > maxBytes ? null : new Loader(next, request, response, callback, maxBytes);
    }

    private static final class Loader extends EagerContentHandler.ContentLoader implements Invocable.Task {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final long maxBytes;

        Loader(Handler next, Request request, Response response, Callback callback, long maxBytes) {
            super(next, request, response, callback);
            this.maxBytes = maxBytes;
        }

        @Override
        protected void load() {
            read(false);
        }

        /** Jetty's demand callback: more bytes (or the end, or a failure) arrived. */
        @Override
        public void run() {
            read(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        private void read(boolean inCallback) {
            while (true) {
                Content.Chunk chunk = getRequest().read();
                if (chunk == null) {
                    getRequest().demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // Too slow (MinimumDataRateHandler) or the client went away: the servlet's read will say so.
                    dispatch(inCallback, chunk);
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                while (bytes.hasRemaining()) {
                    body.write(bytes.get());
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    dispatch(inCallback, Content.Chunk.EOF);
                    return;
                }
                if (body.size() > maxBytes) {
                    dispatch(inCallback, null);
                    return;
                }
            }
        }

        private void dispatch(boolean inCallback, Content.Chunk end) {
            Request replay = new Replay(getRequest(), body.toByteArray(), end);
            if (inCallback) {
                // A demand callback may run on a network thread, which must not block: the servlet runs on the pool.
                getRequest().getContext().execute(() -> handle(replay, getResponse(), getCallback()));
            } else {
                handle(replay, getResponse(), getCallback());
            }
        }
    }

    /** The request with its body read: the buffered bytes first, then {@code end}, or the rest of the body if null. */
    private static final class Replay extends Request.Wrapper {
        private Content.Chunk buffered;
        private final Content.Chunk end;

        Replay(Request request, byte[] bytes, Content.Chunk end) {
            super(request);
            this.buffered = bytes.length == 0 ? null : Content.Chunk.from(ByteBuffer.wrap(bytes), false);
            this.end = end;
        }

        @Override
        public Content.Chunk read() {
            if (buffered != null) {
                Content.Chunk chunk = buffered;
                buffered = null;
                return chunk;
            }
            return end != null ? end : super.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            if (buffered != null || end != null) {
                demandCallback.run();
            } else {
                super.demand(demandCallback);
            }
        }
    }
}
