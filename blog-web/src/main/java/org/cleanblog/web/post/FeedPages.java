package org.cleanblog.web.post;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostRepository;
import org.cleanblog.web.content.XmlText;
import org.cleanblog.web.http.Exchange;

/**
 * The Atom feed ({@code /feed.xml}, the newest posts) and the sitemap ({@code /sitemap.xml}, every page), written with
 * the JDK's XML writer so that every value is escaped; characters that XML 1.0 forbids are dropped ({@link XmlText}). Links are absolute, built from the host the visitor used.
 */
final class FeedPages {
    static final int FEED_ENTRIES = 20;
    /** The blog's name in the feed, as the layout template writes it in every page title. */
    static final String BLOG_TITLE = "Clean Blog";

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final PostRepository posts;
    private final String configuredBaseUrl;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    /** @param configuredBaseUrl the blog's public address, or empty to take it from each request */
    FeedPages(PostRepository posts, String configuredBaseUrl) {
        this.posts = posts;
        this.configuredBaseUrl = configuredBaseUrl;
    }

    private String base(Exchange ex) {
        return configuredBaseUrl.isEmpty() ? ex.baseUrl() : configuredBaseUrl;
    }

    /** {@code GET /feed.xml}. */
    void feed(Exchange ex) throws IOException {
        String base = base(ex);
        StringWriter out = new StringWriter();
        try (Stream<Post> all = posts.streamAll()) {
            XMLStreamWriter w = xml.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            element(w, "title", BLOG_TITLE);
            element(w, "id", base + "/");
            link(w, "self", base + "/feed.xml");
            link(w, "alternate", base + "/");
            Iterator<Post> newest = all.limit(FEED_ENTRIES).iterator();
            Instant updated = Instant.EPOCH;
            // Atom wants the feed's <updated> before the entries; the newest post is the first one.
            boolean first = true;
            while (newest.hasNext()) {
                Post post = newest.next();
                if (first) {
                    updated = post.updatedAt();
                    element(w, "updated", format(updated));
                    first = false;
                }
                entry(w, base, post);
            }
            if (first) {
                element(w, "updated", format(updated));
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        ex.send(200, "application/atom+xml; charset=UTF-8", out.toString());
    }

    /** {@code GET /sitemap.xml}. */
    void sitemap(Exchange ex) throws IOException {
        String base = base(ex);
        StringWriter out = new StringWriter();
        try (Stream<Post> all = posts.streamAll()) {
            XMLStreamWriter w = xml.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP);
            for (String page : new String[] {"/", "/about", "/contact"}) {
                w.writeStartElement("url");
                element(w, "loc", base + page);
                w.writeEndElement();
            }
            for (Iterator<Post> it = all.iterator(); it.hasNext(); ) {
                Post post = it.next();
                w.writeStartElement("url");
                element(w, "loc", base + "/post/" + post.id());
                element(w, "lastmod", format(post.updatedAt()));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the sitemap", e);
        }
        ex.send(200, "application/xml; charset=UTF-8", out.toString());
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

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(XmlText.clean(text));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", XmlText.clean(href));
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
