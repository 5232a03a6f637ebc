package org.cleanblog.web.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The JTE templates of {@code src/main/jte}, precompiled to classes at build time (no compiler at run time), with HTML
 * auto-escaping.
 *
 * <p>Thread-safe.
 */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /**
     * The complete page, rendered to a string before anything is sent, so that a failure while rendering never sends
     * half a page.
     *
     * @throws gg.jte.TemplateException when the template does not exist or a parameter is missing
     */
    public String render(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, params, output);
        return output.toString();
    }
}
