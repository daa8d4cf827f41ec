package cn.dayuan.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import cn.dayuan.article.ArticleService;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.curation.TopicService;
import cn.dayuan.system.PageKeys;

/**
 * The public site's own pages: the fixed ones, every channel and its feeds, every public article, all assets; and the
 * former paths of renamed or moved channels. The parts of a sitemap index are reached through its links.
 */
@Component
class PublicSiteSeeds implements ExportSeeds {

    static final List<String> FIXED_PAGES = List.of("/", "/about.html", "/copyright.html", "/nav/", "/feed.xml",
            "/atom.xml", "/sitemap.xml", "/sitemap-news.xml", "/robots.txt");

    private final ChannelService channels;
    private final ArticleService articles;
    private final TopicService topics;

    PublicSiteSeeds(ChannelService channels, ArticleService articles, TopicService topics) {
        this.channels = channels;
        this.articles = articles;
        this.topics = topics;
    }

    /** The fixed pages, channels, topics and assets first; every public article's address (one long query) last. */
    @Override
    public Stream<String> paths() {
        return Stream.concat(sitePaths().stream(),
                Stream.of(articles).flatMap(service -> service.publicUrls().stream()));
    }

    /**
     * The site's own pages, and of the articles only those the changes name: an article that went public since
     * (published, moved, gone live on schedule) was announced with its key, and every other has its file already.
     */
    @Override
    public Stream<String> pathsAfter(Set<String> changedKeys) {
        Set<Long> changed = changedKeys.stream().map(PageKeys::articleOf).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return Stream.concat(sitePaths().stream(), articles.publicUrls(changed).stream());
    }

    private List<String> sitePaths() {
        List<String> paths = new ArrayList<>(FIXED_PAGES);
        for (ChannelView channel : channels.tree().all()) {
            paths.add(channel.url());
            paths.add(channel.url() + "feed.xml");
            paths.add(channel.url() + "atom.xml");
        }
        paths.add("/zt/");
        topics.published().forEach(topic -> paths.add(topic.url()));
        paths.addAll(assets());
        return paths;
    }

    @Override
    public Map<String, String> movedFolders() {
        Map<String, String> moved = new LinkedHashMap<>();
        channels.tree().formerPaths().forEach((path, channel) -> moved.put("/" + path + "/", channel.url()));
        return moved;
    }

    /** Every file under /assets, referenced or not: stylesheets load fonts and images no page names. */
    private static List<String> assets() {
        try {
            List<String> paths = new ArrayList<>();
            String folder = ExportRenderer.ASSETS_ON_CLASSPATH;
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "**")) {
                String url = resource.getURL().toString();
                int at = url.lastIndexOf(folder);
                if (at >= 0 && !url.endsWith("/") && resource.isReadable()) {
                    paths.add(ExportRenderer.ASSETS + url.substring(at + folder.length()));
                }
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
