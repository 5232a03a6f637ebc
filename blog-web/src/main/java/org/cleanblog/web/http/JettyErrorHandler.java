package org.cleanblog.web.http;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers errors that Jetty finds before our servlet runs (a malformed request, a body over the size limit) with our
 * own error page instead of Jetty's, which names the server and may echo the request.
 */
final class JettyErrorHandler implements Request.Handler {
    private final ErrorPage.Renderer pages;

    JettyErrorHandler(ErrorPage.Renderer pages) {
        this.pages = pages;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code) {
            status = code;
        }
        if (status < 400) {
            status = 500;
        }
        response.setStatus(status);
        SecurityHeaders.apply(response.getHeaders());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=UTF-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        String html =
                pages.render(ErrorPage.of(status, null, request.getHttpURI().getPath()), null);
        response.write(true, StandardCharsets.UTF_8.encode(html), callback);
        return true;
    }
}
