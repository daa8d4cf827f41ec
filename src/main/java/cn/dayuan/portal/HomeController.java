package cn.dayuan.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.curation.Slot;
import cn.dayuan.curation.SlotService;
import cn.dayuan.system.PageKeys;

/** The home page: the slideshow (焦点图), headline and top stories, 图片新闻, latest news, a block per channel, the service navigation. */
@Controller
class HomeController {

    static final int HEADLINES = 7;
    static final int LATEST = 12;
    static final int PER_CHANNEL = 7;
    static final int SLIDES = 5;
    static final int SLIDESHOW_CANDIDATES = 30;

    private final ArticleService articles;
    private final ChannelService channels;
    private final PageFrames frames;
    private final SlotService slots;

    HomeController(ArticleService articles, ChannelService channels, PageFrames frames, SlotService slots) {
        this.slots = slots;
        this.articles = articles;
        this.channels = channels;
        this.frames = frames;
    }

    @GetMapping("/")
    ModelAndView home(HttpServletRequest request) {
        PageKeys.record(PageKeys.LATEST);
        PageFrame frame = frames.page(request, null, null, null);
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
        return new ModelAndView("portal/home", model);
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
}
