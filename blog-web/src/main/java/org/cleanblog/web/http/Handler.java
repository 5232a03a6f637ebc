package org.cleanblog.web.http;

import java.io.IOException;

/** Answers one route. Throw {@link HttpError} or a {@link org.cleanblog.core.BlogException} to answer with an error. */
@FunctionalInterface
public interface Handler {
    void handle(Exchange exchange) throws IOException;
}
