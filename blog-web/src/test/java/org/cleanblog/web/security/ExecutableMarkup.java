package org.cleanblog.web.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Finds markup that a browser could execute, or that could redirect or phish, in a page parsed by jsoup (an HTML
 * parser, as browsers parse, never a regular expression over the text). The blog's own templates contain no script,
 * no inline style, no event handler and only its own forms; anything else of that kind came from stored content.
 */
final class ExecutableMarkup {
    /** Attributes whose value a browser follows or loads as a URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "action",
            "formaction",
            "xlink:href",
            "background",
            "lowsrc",
            "dynsrc",
            "poster",
            "data",
            "srcset",
            "cite",
            "longdesc",
            "ping",
            "codebase",
            "manifest",
            "icon",
            "archive");

    private static final Set<String> DANGEROUS_SCHEMES = Set.of("javascript:", "vbscript:", "livescript:", "data:");

    /** Elements the templates never write: in a page they can only have come from content. */
    private static final Set<String> FOREIGN_ELEMENTS = Set.of(
            "script",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "base",
            "style",
            "svg",
            "math",
            "isindex",
            "template",
            "noscript",
            "portal",
            "marquee",
            "xml");

    /** Where stored content is written: no form control belongs there. */
    private static final String CONTENT = ".post-body, .comment-text, .message-text, .post-preview";

    /** The forms the templates write: all post to the blog's own paths. */
    private static final Pattern OWN_FORM_ACTION =
            Pattern.compile("/(logout|login|register|contact|new-post|(post|edit-post|delete)/\\d+(#comments)?)");

    private ExecutableMarkup() {}

    /** Every finding in {@code root} (a document or a fragment), each naming {@code where} and the element. */
    static List<String> findings(Element root, String where) {
        List<String> found = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            String tag = e.normalName();
            if (FOREIGN_ELEMENTS.contains(tag)) {
                found.add(where + ": <" + tag + "> element: " + abbreviate(e.outerHtml()));
            }
            if (tag.equals("meta") && !isOwnMeta(e)) {
                found.add(where + ": foreign <meta>: " + abbreviate(e.outerHtml()));
            }
            if (tag.equals("link")
                    && (e.closest("head") == null || e.attr("href").isEmpty())) {
                found.add(where + ": <link> outside the head: " + abbreviate(e.outerHtml()));
            }
            if (tag.equals("form") && !OWN_FORM_ACTION.matcher(e.attr("action")).matches()) {
                found.add(where + ": a form that is not the blog's: " + abbreviate(e.outerHtml()));
            }
            if (Set.of("form", "input", "button", "textarea", "select").contains(tag) && e.closest(CONTENT) != null) {
                found.add(where + ": a form control inside stored content: " + abbreviate(e.outerHtml()));
            }
            for (Attribute a : e.attributes()) {
                checkAttribute(e, a, where, found);
            }
        }
        return found;
    }

    private static void checkAttribute(Element e, Attribute a, String where, List<String> found) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        String value = a.getValue();
        if (name.startsWith("on")) {
            found.add(where + ": event handler " + name + " on <" + e.normalName() + ">: " + abbreviate(e.outerHtml()));
        }
        if (name.equals("srcdoc")) {
            found.add(where + ": srcdoc on <" + e.normalName() + ">");
        }
        if (URL_ATTRIBUTES.contains(name)) {
            String scheme = browserView(value);
            for (String dangerous : DANGEROUS_SCHEMES) {
                if (scheme.startsWith(dangerous) || (name.equals("srcset") && scheme.contains(dangerous))) {
                    found.add(where + ": " + name + " with " + dangerous + " on <" + e.normalName() + ">: "
                            + abbreviate(value));
                }
            }
        }
        if (name.equals("style")) {
            String style = browserView(value).replaceAll("/\\*.*?\\*/", "").replace("\\", "");
            for (String bad : List.of("expression", "javascript:", "vbscript:", "url(", "behavior", "binding")) {
                if (style.contains(bad)) {
                    found.add(where + ": style with " + bad + " on <" + e.normalName() + ">: " + abbreviate(value));
                }
            }
        }
    }

    /**
     * The value as a browser reads a URL's scheme: lower case, without the spaces and control characters it strips
     * or skips (so {@code "jav\tascript:"} and {@code " javascript:"} both read {@code javascript:}).
     */
    private static String browserView(String value) {
        StringBuilder kept = new StringBuilder(value.length());
        value.codePoints().filter(c -> c > 0x20 && c != 0x7f).forEach(kept::appendCodePoint);
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isOwnMeta(Element meta) {
        return meta.closest("head") != null
                && !meta.hasAttr("http-equiv")
                && (meta.hasAttr("charset") || meta.attr("name").equals("viewport"));
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }
}
