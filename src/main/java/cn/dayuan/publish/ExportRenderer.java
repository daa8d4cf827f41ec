package cn.dayuan.publish;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.stereotype.Component;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import cn.dayuan.portal.PortalPages;
import cn.dayuan.system.GoneException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;

/**
 * Renders the pages the static export writes without HTTP: the page models of {@link PortalPages} and the JTE
 * templates the public site renders them with, on the exporter's thread, outside the readers' page cache. Pages it
 * does not build are fetched over loopback as before.
 */
@Component
class ExportRenderer {

    /** What an address came to. */
    sealed interface Rendered permits Page, Moved, Missing, NotBuilt {
    }

    /** A page's bytes (UTF-8 HTML) and the {@link PageKeys} of what it shows. */
    record Page(String html, byte[] bytes, Set<String> keys) implements Rendered {
    }

    /** The address answers a permanent redirect to {@code location}, a site path. */
    record Moved(String location, Set<String> keys) implements Rendered {
    }

    /** Nothing is there (404 or 410 on the live site). */
    record Missing() implements Rendered {
    }

    /** Not a page this renderer builds: fetch it over HTTP. */
    record NotBuilt() implements Rendered {
    }

    private final PortalPages pages;
    private final TemplateEngine templates;

    ExportRenderer(PortalPages pages, TemplateEngine templates) {
        this.pages = pages;
        this.templates = templates;
    }

    /**
     * @param sitePath   e.g. {@code /zcjh/123.html}
     * @param publicBase the site's public address, as the live site is reached at by readers
     */
    Rendered render(String sitePath, String publicBase) {
        if (!pages.isPageBelowChannel(sitePath)) {
            return new NotBuilt();
        }
        try (PageKeys.Recording recording = PageKeys.start()) {
            PortalPages.Answer answer = pages.belowChannel(sitePath, publicBase, null);
            if (answer instanceof PortalPages.Redirect redirect) {
                return new Moved(redirect.location(), recording.keys());
            }
            if (!(answer instanceof PortalPages.View view)) {
                return new NotBuilt();
            }
            StringOutput output = new StringOutput(32 * 1024);
            templates.render(view.template() + ".jte", view.model(), output);
            String html = output.toString();
            return new Page(html, html.getBytes(StandardCharsets.UTF_8), recording.keys());
        } catch (NotFoundException | GoneException e) {
            return new Missing();
        }
    }
}
