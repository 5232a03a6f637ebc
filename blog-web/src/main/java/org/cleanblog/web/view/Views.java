package org.cleanblog.web.view;

import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.cleanblog.web.cache.ContentCache;
import org.cleanblog.web.http.CachedBody;
import org.cleanblog.web.http.ErrorPage;
import org.cleanblog.web.http.Exchange;
import org.cleanblog.web.user.Viewer;
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

    /** How long a shared cache (a CDN, a reverse proxy) may keep a page that is the same for every anonymous visitor. */
    public static final Duration SHARED_FOR = Duration.ofSeconds(10);

    private final Viewers viewers;
    private final ContentCache cache;

    /** @param cache keeps the pages rendered for anonymous visitors ({@link #renderShared}) */
    public Views(Viewers viewers, ContentCache cache) {
        this.viewers = viewers;
        this.cache = cache;
    }

    /**
     * Renders {@code template} for the visitor of {@code exchange} and sends it with {@code status}. The page is
     * rendered completely before anything is sent, so a failure while rendering never sends half a page.
     */
    public void render(Exchange exchange, int status, Template template) throws IOException {
        exchange.send(status, HTML, html(template, context(exchange)));
    }

    /**
     * Renders a page whose content depends only on {@code key} and on who is looking (ADR 0034, 0035). For an anonymous
     * visitor the page is rendered once per content generation and kept, bytes and entity tag, in the content cache
     * under {@code key}: the same bytes for every anonymous visitor, sent as a shared page ({@link
     * Exchange#sendSharedPage}). For a logged-in visitor it is rendered afresh for that visitor and never shared.
     *
     * @param key a record naming the page and everything it depends on besides the visitor, such as a post's id and
     *     the page of its comments
     * @param page prepares the page (its data may come from the cache too) and may throw, e.g. a 404, before anything
     *     is kept or sent; the template it returns must render no form for an anonymous visitor
     * @throws IllegalStateException when the template asks an anonymous visitor's page for a CSRF token: a page with a
     *     form cannot be shared
     */
    public void renderShared(Exchange exchange, Object key, Supplier<Template> page) throws IOException {
        if (viewers.of(exchange).loggedIn()) {
            render(exchange, 200, page.get());
            return;
        }
        CachedBody body = cache.get(new Shared(key), CachedBody::weight, () -> {
            ViewContext anonymous = new ViewContext(
                    Viewer.ANONYMOUS,
                    () -> {
                        throw new IllegalStateException(key + " renders a form for an anonymous visitor, so it cannot"
                                + " be shared: render it with Views.render instead");
                    },
                    exchange.path());
            return CachedBody.of(HTML, html(page.get(), anonymous));
        });
        exchange.sendSharedPage(body, SHARED_FOR);
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

    /** The cache key of a page rendered for anonymous visitors: apart from the keys of the data it shows. */
    private record Shared(Object page) {}

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
