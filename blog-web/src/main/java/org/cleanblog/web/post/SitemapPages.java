package org.cleanblog.web.post;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cleanblog.core.post.PostRepository;
import org.cleanblog.core.post.PostStamp;
import org.cleanblog.web.cache.ContentCache;
import org.cleanblog.web.http.CachedBody;
import org.cleanblog.web.http.Exchange;
import org.cleanblog.web.http.HttpError;

/**
 * The sitemap in parts (ADR 0038). {@code /sitemap.xml} is a sitemap index that lists the parts {@code /sitemap/1.xml}
 * to {@code /sitemap/K.xml}, one per {@value #POSTS_PER_PART} posts and at least one (an empty blog has part 1); part
 * N lists the posts after the oldest (N − 1) × {@value #POSTS_PER_PART}, oldest first, each with its last update, and
 * part 1 also the home, about and contact pages. So no response grows with the blog: the index reads the post count
 * (a counter row), a part its slice of positions, and each stays far below the protocol's 50,000 URLs and the content
 * cache's bound. A part number that names no part (0, 01, -1, abc, K + 1) answers the blog's 404 page.
 *
 * <p>Written with the JDK's XML writer so that every value is escaped; characters that XML 1.0 forbids are dropped.
 * Links are absolute, to the configured base URL or else the host the visitor used; the index and each part are kept
 * per base URL (and part) until the content changes. Thread-safe.
 */
final class SitemapPages {
    /** Posts per part: a part of 5,000 URLs is about half a megabyte, a sixteenth of the cache's bound at -Xmx64m. */
    static final int POSTS_PER_PART = 5_000;

    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String TYPE = "application/xml; charset=UTF-8";
    /** The pages that are no post, listed at the start of part 1 as the single sitemap listed them. */
    private static final List<String> PAGES = List.of("/", "/about", "/contact");

    private final PostRepository posts;
    private final String configuredBaseUrl;
    private final ContentCache cache;
    private final int postsPerPart;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    /**
     * @param configuredBaseUrl the blog's public address, or empty to take it from each request
     * @param cache keeps the index and the parts as written, per base URL, until the content changes
     * @param postsPerPart {@link #POSTS_PER_PART}; tests pass fewer to get several parts from a few posts
     */
    SitemapPages(PostRepository posts, String configuredBaseUrl, ContentCache cache, int postsPerPart) {
        if (postsPerPart < 1 || postsPerPart > PostStamp.MAX_BATCH) {
            throw new IllegalArgumentException(
                    "posts per sitemap part must be between 1 and " + PostStamp.MAX_BATCH + ", was " + postsPerPart);
        }
        this.posts = posts;
        this.configuredBaseUrl = configuredBaseUrl;
        this.cache = cache;
        this.postsPerPart = postsPerPart;
    }

    private String base(Exchange ex) {
        return configuredBaseUrl.isEmpty() ? ex.baseUrl() : configuredBaseUrl;
    }

    /** {@code GET /sitemap.xml}: public, kept {@link FeedPages#KEPT_FOR}, with an entity tag as the feed. */
    void index(Exchange ex) throws IOException {
        String base = base(ex);
        ex.sendPublic(cache.get(new IndexKey(base), CachedBody::weight, () -> index(base)), FeedPages.KEPT_FOR);
    }

    /**
     * {@code GET /sitemap/{n}.xml}: as {@link #index(Exchange)}.
     *
     * @throws HttpError 404 when {@code n} is not the number of a part (nothing is kept for it)
     */
    void part(Exchange ex) throws IOException {
        long number = ex.pathId("n");
        // A number whose slice would start past Long.MAX_VALUE names no part of any blog.
        if (number - 1 > Long.MAX_VALUE / postsPerPart) {
            throw HttpError.notFound();
        }
        String base = base(ex);
        ex.sendPublic(
                cache.get(new PartKey(base, number), CachedBody::weight, () -> part(base, number)), FeedPages.KEPT_FOR);
    }

    private CachedBody index(String base) {
        long parts = Math.max(1, (posts.count() + postsPerPart - 1) / postsPerPart);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = xml.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(NAMESPACE);
            for (long number = 1; number <= parts; number++) {
                w.writeStartElement("sitemap");
                FeedPages.element(w, "loc", base + "/sitemap/" + number + ".xml");
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the sitemap index", e);
        }
        return CachedBody.of(TYPE, out.toString());
    }

    private CachedBody part(String base, long number) {
        List<PostStamp> slice = posts.findStamps((number - 1) * postsPerPart, postsPerPart);
        // Part 1 always exists; a later one only while some post falls in it, which is what the index counts.
        if (slice.isEmpty() && number > 1) {
            throw HttpError.notFound();
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = xml.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NAMESPACE);
            if (number == 1) {
                for (String page : PAGES) {
                    w.writeStartElement("url");
                    FeedPages.element(w, "loc", base + page);
                    w.writeEndElement();
                }
            }
            for (PostStamp post : slice) {
                w.writeStartElement("url");
                FeedPages.element(w, "loc", base + "/post/" + post.id());
                FeedPages.element(w, "lastmod", FeedPages.format(post.updatedAt()));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write part " + number + " of the sitemap", e);
        }
        return CachedBody.of(TYPE, out.toString());
    }

    /** The cache key of the sitemap index for links to {@code base}. */
    private record IndexKey(String base) {}

    /** The cache key of part {@code number} of the sitemap for links to {@code base}. */
    private record PartKey(String base, long number) {}
}
