package org.cleanblog.core.post;

import java.util.Locale;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.internal.Check;

/**
 * What an author writes: title, subtitle, header image URL, and the body as Markdown source plus its rendered HTML
 * (rendering happens once, at write time, outside the persistence layer; the repositories sanitise the HTML as they
 * store it). Every text must hold only characters XML 1.0 allows, so that the feeds can carry it. The header image is
 * an {@code https://} address or empty, whoever writes the post: the editor form and the data mover share this rule.
 */
public record PostContent(String title, String subtitle, String imgUrl, String body, String bodyHtml) {
    public static final int MAX_TITLE_LENGTH = 250;
    public static final int MAX_SUBTITLE_LENGTH = 250;
    public static final int MAX_IMG_URL_LENGTH = 2000;

    /**
     * The longest Markdown source, in characters: 1 MiB, the web's request limit, so no form could carry more (every
     * character is at least one byte), and a bound on what a page, the feed or an import holds in memory for one post.
     */
    public static final int MAX_BODY_LENGTH = 1_048_576;

    /** The longest rendered HTML: four times the source, room for the markup that rendering and sanitising add. */
    public static final int MAX_BODY_HTML_LENGTH = 4 * MAX_BODY_LENGTH;

    public PostContent {
        title = Check.text("title", title == null ? null : title.strip(), MAX_TITLE_LENGTH);
        subtitle = Check.length("subtitle", subtitle == null ? "" : subtitle.strip(), MAX_SUBTITLE_LENGTH);
        imgUrl = requireHttpsOrEmpty(Check.length("img_url", imgUrl == null ? "" : imgUrl.strip(), MAX_IMG_URL_LENGTH));
        Check.text("body", body, MAX_BODY_LENGTH);
        Check.length("body html", bodyHtml, MAX_BODY_HTML_LENGTH);
    }

    // Pages send a Content-Security-Policy that loads images over https only: any other address would never show, and
    // a javascript: or data: URL has no business in an attribute of ours.
    private static String requireHttpsOrEmpty(String img) {
        if (!img.isEmpty() && !(img.toLowerCase(Locale.ROOT).startsWith("https://") && img.length() > 8)) {
            throw new ValidationException("img_url must be an https:// address of an image, or empty (the blog's pages"
                    + " load images over https only); was '" + img + "'");
        }
        return img;
    }
}
