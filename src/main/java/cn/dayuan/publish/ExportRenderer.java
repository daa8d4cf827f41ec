package cn.dayuan.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

import gg.jte.TemplateEngine;

import cn.dayuan.article.ArticleReadAhead;
import cn.dayuan.article.ArticleService;
import cn.dayuan.portal.PortalPages;
import cn.dayuan.system.GoneException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.Utf8Output;

/**
 * Builds the pages the static export writes without HTTP, on the exporter's thread, outside the readers' page cache:
 * the home page, channel pages, articles, keyword pages, topics and the site's own pages from the page models of
 * {@link PortalPages} and the JTE templates the public site renders them with, feeds, sitemaps and robots.txt as
 * {@link PortalPages#document} writes them, the 404 page, and the files under {@code /assets/} as the application
 * serves them from its classpath. Addresses it does not know are fetched over loopback.
 */
@Component
class ExportRenderer {

    /** What an address came to. */
    sealed interface Rendered permits Page, Moved, Missing, NotBuilt {
    }

    /**
     * A file's bytes, the {@link PageKeys} of what it shows (none: build it every time) and whether the export
     * follows its links (a page's, not an asset's).
     */
    record Page(byte[] bytes, Set<String> keys, boolean linking) implements Rendered {
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

    /** The key of the files that come with the build: no change names it; another build makes them again. */
    static final String BUILD_FILE_KEY = "build-file";
    static final String ASSETS = "/assets/";
    /** Where the application serves {@link #ASSETS} from, as Spring Boot serves {@code classpath:/static/}. */
    static final String ASSETS_ON_CLASSPATH = "static/assets/";

    /** Each export thread's output, kept from page to page: a new one grew by copying. */
    private static final ThreadLocal<Utf8Output> OUTPUT = ThreadLocal.withInitial(() -> new Utf8Output(64 * 1024));

    private final PortalPages pages;
    private final TemplateEngine templates;
    private final ArticleService articles;
    /**
     * A page's reads share one read-only transaction: a dozen each of their own (a session, a connection, a commit)
     * cost more than the reads once the articles are read ahead.
     */
    private final TransactionTemplate reading;

    ExportRenderer(PortalPages pages, TemplateEngine templates, ArticleService articles,
                   PlatformTransactionManager transactions) {
        this.pages = pages;
        this.templates = templates;
        this.articles = articles;
        this.reading = new TransactionTemplate(transactions);
        reading.setReadOnly(true);
    }

    /** For an export that builds many pages: the published articles read in few queries rather than page by page. */
    ArticleReadAhead readAhead() {
        return articles.readAhead();
    }

    /**
     * @param sitePath   e.g. {@code /zcjh/123.html}
     * @param publicBase the site's public address, as the live site is reached at by readers
     * @param ahead      what was read ahead for this export, or null
     */
    Rendered render(String sitePath, String publicBase, ArticleReadAhead ahead) {
        return reading.execute(status -> ahead == null ? build(sitePath, publicBase)
                : ahead.during(() -> build(sitePath, publicBase)));
    }

    private Rendered build(String sitePath, String publicBase) {
        if (sitePath.startsWith(ASSETS)) {
            return asset(sitePath.substring(ASSETS.length()));
        }
        boolean belowChannel = pages.isPageBelowChannel(sitePath);
        try (PageKeys.Recording recording = PageKeys.start()) {
            byte[] bytes;
            PortalPages.Answer answer = belowChannel ? pages.belowChannel(sitePath, publicBase, null)
                    : pages.tagPage(sitePath, publicBase);
            if (answer == null) {
                answer = pages.sitePage(sitePath, publicBase);
            }
            if (answer != null) {
                if (answer instanceof PortalPages.Redirect redirect) {
                    return new Moved(redirect.location(), recording.keys());
                }
                bytes = answer instanceof PortalPages.Feed feed ? utf8(pages.feed(feed, publicBase).getBody())
                        : html((PortalPages.View) answer);
            } else {
                ResponseEntity<String> document = pages.document(sitePath, publicBase);
                if (document == null) {
                    return new NotBuilt();
                }
                bytes = utf8(document.getBody());
            }
            // What the page cache never keeps shows more than its keys say (the news sitemap: the last two days).
            Set<String> keys = PageCacheFilter.isBypassed(sitePath) ? Set.of() : recording.keys();
            return new Page(bytes, keys, true);
        } catch (NotFoundException | GoneException e) {
            return new Missing();
        }
    }

    /** A file under {@link #ASSETS}, e.g. {@code vendor/quill/quill.js}: its bytes as they are in the build. */
    private static Rendered asset(String encodedName) {
        String name = UriUtils.decode(encodedName, StandardCharsets.UTF_8);
        ClassPathResource resource = new ClassPathResource(ASSETS_ON_CLASSPATH + name);
        if (name.isEmpty() || name.endsWith("/") || name.contains("..") || name.contains("\\")
                || !resource.isReadable()) {
            return new Missing();
        }
        try (InputStream in = resource.getInputStream()) {
            return new Page(in.readAllBytes(), Set.of(BUILD_FILE_KEY), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 404 page, which the web server serving the export shows for any address it has no file for. */
    Page notFoundPage(String publicBase) {
        try (PageKeys.Recording recording = PageKeys.start()) {
            return new Page(html(pages.notFoundPage(publicBase)), recording.keys(), true);
        }
    }

    private byte[] html(PortalPages.View view) {
        Utf8Output output = OUTPUT.get();
        output.reset();
        templates.render(view.template() + ".jte", view.model(), output);
        return output.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
