package org.cleanblog.web.post;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostRepository;
import org.cleanblog.web.cache.ContentCache;
import org.cleanblog.web.content.XmlText;
import org.cleanblog.web.http.CachedBody;
import org.cleanblog.web.http.Exchange;

/**
 * The Atom feed ({@code /feed.xml}, the newest posts), written with the JDK's XML writer so that every value is
 * escaped; characters that XML 1.0 forbids are dropped ({@link XmlText}). Links are absolute, to the configured base URL
 * or else the host the visitor used. The sitemap is {@link SitemapPages}, which shares the writing helpers here.
 */
final class FeedPages {
    static final int FEED_ENTRIES = 20;
    /** The blog's name in the feed, as the layout template writes it in every page title. */
    static final String BLOG_TITLE = "Clean Blog";

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /** How long a feed reader or any cache may keep the feed or a sitemap file before asking again (ADR 0035). */
    static final Duration KEPT_FOR = Duration.ofMinutes(5);

    private static final String ATOM_TYPE = "application/atom+xml; charset=UTF-8";

    private final PostRepository posts;
    private final String configuredBaseUrl;
    private final ContentCache cache;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    /**
     * @param configuredBaseUrl the blog's public address, or empty to take it from each request
     * @param cache keeps the feed as written, per base URL, until the content changes
     */
    FeedPages(PostRepository posts, String configuredBaseUrl, ContentCache cache) {
        this.posts = posts;
        this.configuredBaseUrl = configuredBaseUrl;
        this.cache = cache;
    }

    private String base(Exchange ex) {
        return configuredBaseUrl.isEmpty() ? ex.baseUrl() : configuredBaseUrl;
    }

    /** {@code GET /feed.xml}: public, kept {@link #KEPT_FOR}, with an entity tag for conditional requests. */
    void feed(Exchange ex) throws IOException {
        String base = base(ex);
        ex.sendPublic(cache.get(new FeedKey(base), CachedBody::weight, () -> feed(base)), KEPT_FOR);
    }

    private CachedBody feed(String base) {
        List<Post> newest = posts.findNewest(FEED_ENTRIES);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = xml.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            element(w, "title", BLOG_TITLE);
            element(w, "id", base + "/");
            link(w, "self", base + "/feed.xml");
            link(w, "alternate", base + "/");
            // Atom wants the feed's <updated> before the entries: that of the newest post.
            element(
                    w,
                    "updated",
                    format(newest.isEmpty() ? Instant.EPOCH : newest.get(0).updatedAt()));
            for (Post post : newest) {
                entry(w, base, post);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return CachedBody.of(ATOM_TYPE, out.toString());
    }

    private static void entry(XMLStreamWriter w, String base, Post post) throws XMLStreamException {
        String url = base + "/post/" + post.id();
        w.writeStartElement("entry");
        element(w, "title", post.title());
        element(w, "id", url);
        link(w, "alternate", url);
        element(w, "published", format(post.createdAt()));
        element(w, "updated", format(post.updatedAt()));
        w.writeStartElement("author");
        element(w, "name", post.authorName());
        w.writeEndElement();
        if (!post.subtitle().isEmpty()) {
            element(w, "summary", post.subtitle());
        }
        w.writeStartElement("content");
        w.writeAttribute("type", "html");
        w.writeCharacters(XmlText.clean(post.bodyHtml()));
        w.writeEndElement();
        w.writeEndElement();
    }

    /** Writes {@code <name>text</name>}, without the characters XML forbids. */
    static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(XmlText.clean(text));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", XmlText.clean(href));
    }

    /** An instant as Atom and sitemaps write it (RFC 3339 in UTC). */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The cache key of the feed for links to {@code base}. */
    private record FeedKey(String base) {}
}
