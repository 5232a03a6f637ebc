package org.cleanblog.core.post;

import org.cleanblog.core.internal.Check;

/**
 * What an author writes: title, subtitle, header image URL, and the body as Markdown source plus its rendered HTML
 * (rendering happens once, at write time, outside the persistence layer; the repositories sanitise the HTML as they
 * store it). Every text must hold only characters XML 1.0 allows, so that the feeds can carry it.
 */
public record PostContent(String title, String subtitle, String imgUrl, String body, String bodyHtml) {
    public static final int MAX_TITLE_LENGTH = 250;
    public static final int MAX_SUBTITLE_LENGTH = 250;
    public static final int MAX_IMG_URL_LENGTH = 2000;

    public PostContent {
        title = Check.text("title", title == null ? null : title.strip(), MAX_TITLE_LENGTH);
        subtitle = Check.length("subtitle", subtitle == null ? "" : subtitle.strip(), MAX_SUBTITLE_LENGTH);
        imgUrl = Check.length("img_url", imgUrl == null ? "" : imgUrl.strip(), MAX_IMG_URL_LENGTH);
        Check.text("body", body, Integer.MAX_VALUE);
        Check.length("body html", bodyHtml, Integer.MAX_VALUE);
    }
}
