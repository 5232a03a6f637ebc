package org.cleanblog.web.view;

import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.io.IOException;
import org.cleanblog.web.http.ErrorPage;
import org.cleanblog.web.http.Exchange;
import org.cleanblog.web.user.Viewers;

/**
 * Renders pages: a JTE template of {@code src/main/jte}, precompiled at build time, inside the layout that shows who is
 * looking. Templates are called through the classes JTE generates from them ({@code login.jte} becomes {@code
 * JteloginGenerated}), whose {@code render} methods take the template's {@code @param}s as typed Java parameters: a
 * missing, extra or wrongly typed parameter fails the build (ADR 0018). Also renders the error pages.
 *
 * <p>Thread-safe.
 */
public final class Views implements ErrorPage.Renderer {
    private static final String HTML = "text/html; charset=UTF-8";

    private final Viewers viewers;

    public Views(Viewers viewers) {
        this.viewers = viewers;
    }

    /**
     * Renders {@code template} for the visitor of {@code exchange} and sends it with {@code status}. The page is
     * rendered completely before anything is sent, so a failure while rendering never sends half a page.
     */
    public void render(Exchange exchange, int status, Template template) throws IOException {
        exchange.send(status, HTML, html(template, context(exchange)));
    }

    @Override
    public String render(ErrorPage page, Exchange exchange) {
        ViewContext ctx = exchange == null ? ViewContext.anonymous(page.path()) : context(exchange);
        return html(
                (out, c) -> JteerrorGenerated.render(out, null, c, page.status(), page.title(), page.message()), ctx);
    }

    private ViewContext context(Exchange exchange) {
        return new ViewContext(viewers.of(exchange), exchange.session()::csrfToken, exchange.path());
    }

    private static String html(Template template, ViewContext ctx) {
        StringOutput output = new StringOutput(8192);
        template.render(new OwaspHtmlTemplateOutput(output), ctx);
        return output.toString();
    }

    /**
     * One page: a call of a generated template class, such as {@code (out, ctx) -> JteloginGenerated.render(out, null,
     * ctx, error, email, next)}. The second argument of those methods is JTE's optional {@code HtmlInterceptor}, which
     * the blog does not use.
     */
    @FunctionalInterface
    public interface Template {
        void render(HtmlTemplateOutput output, ViewContext ctx);
    }
}
