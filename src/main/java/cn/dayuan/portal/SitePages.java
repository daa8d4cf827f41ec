package cn.dayuan.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.article.RightsType;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.curation.Slot;
import cn.dayuan.curation.SlotService;
import cn.dayuan.curation.TopicService;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.Texts;

/**
 * The site's own pages, built without a request: the home page, about, copyright and disclaimer, the public-service
 * navigation and the special topics (专题). Their controllers answer readers with them and the static export writes
 * them through {@link PortalPages#sitePage}, so both show the same page and record the same {@link PageKeys}.
 */
@Component
class SitePages {

    static final String HOME = "/";
    static final String ABOUT = "/about.html";
    static final String COPYRIGHT = "/copyright.html";
    static final String NAVIGATION = "/nav/";
    static final String TOPICS = "/zt/";

    static final int HEADLINES = 7;
    static final int LATEST = 12;
    static final int PER_CHANNEL = 7;
    static final int SLIDES = 5;
    static final int SLIDESHOW_CANDIDATES = 30;

    private final ArticleService articles;
    private final ChannelService channels;
    private final PageFrames frames;
    private final SlotService slots;
    private final TopicService topics;
    private final Texts texts;

    SitePages(ArticleService articles, ChannelService channels, PageFrames frames, SlotService slots,
              TopicService topics, Texts texts) {
        this.articles = articles;
        this.channels = channels;
        this.frames = frames;
        this.slots = slots;
        this.topics = topics;
        this.texts = texts;
    }

    /**
     * The home page: the slideshow (焦点图), headline and top stories, 图片新闻, latest news, a block per channel, the
     * service navigation.
     */
    PortalPages.View home(String requestBase) {
        PageKeys.record(PageKeys.LATEST);
        PageFrame frame = frames.page(HOME, requestBase, null, null, null);
        List<ArticleSummary> latest = articles.newest(LATEST);
        List<ArticleSummary> headlines = articles.headlines(HEADLINES);
        // Slots the editors filled come first; a new site without them (or headline flags) leads with its newest.
        List<ArticleSummary> chosenHeadlines = slots.shown(Slot.TOUTIAO);
        List<ArticleSummary> chosenTopStories = slots.shown(Slot.YAOWEN);
        List<ArticleSummary> top = !chosenHeadlines.isEmpty() ? chosenHeadlines
                : headlines.isEmpty() ? latest.stream().limit(HEADLINES).toList() : headlines;
        List<ArticleSummary> topStories = new ArrayList<>(top.isEmpty() ? List.of() : top.subList(1, top.size()));
        if (!chosenTopStories.isEmpty()) {
            topStories = new ArrayList<>(chosenHeadlines.isEmpty() ? List.of() : topStories);
            topStories.addAll(chosenTopStories);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame);
        model.put("slideshow", slideshow());
        model.put("pictureNews", slots.shown(Slot.TUPIAN));
        model.put("headline", top.isEmpty() ? null : top.get(0));
        model.put("topStories", topStories);
        model.put("latest", latest);
        model.put("channelBlocks", channels.tree().menu().stream().map(this::block).toList());
        model.put("directory", frame.sidebar().directory());
        return new PortalPages.View("portal/home", model);
    }

    /** The editors' 焦点图, or else the newest articles with a cover picture. */
    private List<ArticleSummary> slideshow() {
        List<ArticleSummary> chosen = slots.shown(Slot.JIAODIAN);
        return !chosen.isEmpty() ? chosen : articles.newest(SLIDESHOW_CANDIDATES).stream()
                .filter(a -> a.coverImage() != null).limit(SLIDES).toList();
    }

    private ChannelBlock block(ChannelView channel) {
        PageKeys.record(PageKeys.channelList(channel.id()));
        return new ChannelBlock(channel, articles.publicInChannel(channel.id(), 0, PER_CHANNEL).getContent());
    }

    PortalPages.View about(String requestBase) {
        String heading = texts.of("portal.about.title");
        return new PortalPages.View("portal/about",
                Map.of("frame", frames.page(ABOUT, requestBase, heading, frames.settings().aboutText(), null)));
    }

    PortalPages.View copyright(String requestBase) {
        PageFrame frame = frames.page(COPYRIGHT, requestBase, texts.of("portal.copyright.title"),
                texts.of("portal.copyright.description"), null);
        return new PortalPages.View("portal/copyright", Map.of("frame", frame,
                "reprintExample", RightsStatements.of(frame.site(), RightsType.REPRINT,
                        texts.of("portal.copyright.example-source"))));
    }

    PortalPages.View navigation(String requestBase) {
        PageKeys.record(PageKeys.DIRECTORY);
        PageFrame frame = frames.page(NAVIGATION, requestBase, texts.of("portal.nav.title"),
                texts.of("portal.nav.description"), null);
        return new PortalPages.View("portal/nav", Map.of("frame", frame, "directory", frame.sidebar().directory()));
    }

    /** The list of published topics. */
    PortalPages.View topics(String requestBase) {
        return new PortalPages.View("portal/topics", Map.of(
                "frame", frames.page(TOPICS, requestBase, texts.of("portal.topics.title"),
                        texts.of("portal.topics.description"), null),
                "topics", topics.published()));
    }

    /**
     * A published topic's page.
     *
     * @param sitePath its address as asked for, e.g. {@code /zt/jinci/}
     * @throws cn.dayuan.system.NotFoundException when no published topic has this slug
     */
    PortalPages.View topic(String slug, String sitePath, String requestBase) {
        TopicService.ShownTopic shown = topics.shown(slug).orElseThrow(PortalPages::pageNotFound);
        String introduction = shown.topic().introduction();
        return new PortalPages.View("portal/topic", Map.of(
                "frame", frames.page(sitePath, requestBase, shown.topic().title(),
                        introduction == null ? texts.of("portal.topic.description", shown.topic().title())
                                : introduction, null),
                "shown", shown));
    }
}
