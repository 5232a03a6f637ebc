package org.cleanblog.web.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cleanblog.core.ConflictException;
import org.cleanblog.core.NotFoundException;
import org.cleanblog.core.StorageException;
import org.cleanblog.core.ValidationException;
import org.cleanblog.web.session.SessionCodec;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one servlet: sets the security headers, finds the route, checks the CSRF token of every POST, runs the handler
 * and maps every failure to an error page. This is the one place where exceptions become HTTP statuses.
 */
final class FrontController extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FrontController.class);
    private static final String CSRF_FIELD = "csrf_token";
    /** How much of an oversized body is read and thrown away before the connection is closed. */
    private static final long DISCARD_LIMIT = 16L * 1024 * 1024;

    private final transient Router router;
    private final transient SessionCodec sessions;
    private final transient ErrorPage.Renderer errorPages;
    private final long maxRequestBytes;
    private final transient RequestOrigin origin;

    FrontController(
            Router router,
            SessionCodec sessions,
            ErrorPage.Renderer errorPages,
            long maxRequestBytes,
            RequestOrigin origin) {
        this.router = router;
        this.sessions = sessions;
        this.errorPages = errorPages;
        this.maxRequestBytes = maxRequestBytes;
        this.origin = origin;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.apply(response, origin.isHttps(request));
        response.setHeader("Cache-Control", "no-store");
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Exchange exchange = null;
        if (request.getContentLengthLong() > maxRequestBytes) {
            // Refused before the body is used. It is still read and thrown away (up to a bound), because closing a
            // connection with unread bytes makes TCP reset it, and the client may then never see the 413.
            response.setHeader("Connection", "close");
            discardBody(request);
            error(request, response, null, 413, null);
            return;
        }
        try {
            Router.Match match = router.match(request.getMethod(), path(request));
            boolean post = "POST".equals(request.getMethod());
            FormData form;
            try {
                form = post ? FormData.ofBody(request, maxRequestBytes) : FormData.EMPTY;
            } catch (IOException e) {
                // The body came too slowly (BlogServer's minimum data rate) or the client went away: nothing ran.
                LOG.debug("{} {}: body not read: {}", request.getMethod(), request.getRequestURI(), e.toString());
                response.setHeader("Connection", "close");
                error(request, response, null, 408, null);
                return;
            }
            exchange = new Exchange(request, response, match.params(), form, sessions, origin);
            if (post && !exchange.session().isValidCsrfToken(form.get(CSRF_FIELD))) {
                throw new HttpError(
                        400,
                        "This form has expired or did not come from this blog, so nothing was changed. "
                                + "Go back, reload the page and send it again.");
            }
            match.handler().handle(exchange);
        } catch (Redirect e) {
            exchange.redirect(e.location());
        } catch (Router.MethodNotAllowed e) {
            response.setHeader("Allow", e.allowHeader());
            error(request, response, exchange, 405, null);
        } catch (HttpError e) {
            if (e.status() == 413) {
                // As above: the rest of the body is thrown away before the connection is closed.
                response.setHeader("Connection", "close");
                discardBody(request);
            }
            error(request, response, exchange, e.status(), e.getMessage());
        } catch (NotFoundException e) {
            error(request, response, exchange, 404, null);
        } catch (ValidationException | ConflictException e) {
            // Domain messages name the field and the rule in the visitor's terms.
            error(request, response, exchange, e instanceof ValidationException ? 400 : 409, e.getMessage());
        } catch (StorageException e) {
            LOG.warn("{} {}: database unavailable: {}", request.getMethod(), request.getRequestURI(), e.toString());
            error(request, response, exchange, 503, null);
        } catch (RuntimeException e) {
            Optional<HttpException> http = httpException(e);
            if (http.isPresent() && http.get().getCode() < 500) {
                error(request, response, exchange, http.get().getCode(), null);
            } else {
                LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
                error(request, response, exchange, 500, null);
            }
        }
    }

    /** The decoded path below the context, e.g. {@code /post/3}. */
    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    private void error(
            HttpServletRequest request, HttpServletResponse response, Exchange exchange, int status, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ErrorPage page = ErrorPage.of(status, message, request.getRequestURI());
        String html;
        if (exchange == null || status == 503) {
            // 503 means the database is unreachable: the visitor is not looked up there.
            html = errorPages.render(page, null);
        } else {
            try {
                html = errorPages.render(page, exchange);
            } catch (RuntimeException e) {
                // The page is already an error; show it to an anonymous visitor rather than fail twice.
                html = errorPages.render(page, null);
            }
        }
        if (exchange != null) {
            exchange.send(status, "text/html; charset=UTF-8", html);
        } else {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.setContentType("text/html; charset=UTF-8");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    private static Optional<HttpException> httpException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return Optional.of(http);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads and throws away what is left of the request body, at most {@link #DISCARD_LIMIT} bytes, so that the 413
     * answer reaches a client that sends its whole body before reading (browsers do). A larger body is cut off.
     */
    private static void discardBody(HttpServletRequest request) {
        byte[] buffer = new byte[8192];
        long left = DISCARD_LIMIT;
        try (var in = request.getInputStream()) {
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or sent garbage: the 413 is all it gets either way.
        }
    }
}
