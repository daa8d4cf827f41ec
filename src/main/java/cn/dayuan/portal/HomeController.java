package cn.dayuan.portal;

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
import cn.dayuan.system.PageKeys;

/** The home page: headline and top stories, latest news, a block per channel, the service navigation. */
@Controller
class HomeController {

    static final int HEADLINES = 7;
    static final int LATEST = 12;
    static final int PER_CHANNEL = 7;

    private final ArticleService articles;
    private final ChannelService channels;
    private final PageFrames frames;

    HomeController(ArticleService articles, ChannelService channels, PageFrames frames) {
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
        // A new site without headline flags still leads with its newest story.
        List<ArticleSummary> top = headlines.isEmpty() ? latest.stream().limit(HEADLINES).toList() : headlines;
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame);
        model.put("headline", top.isEmpty() ? null : top.get(0));
        model.put("topStories", top.isEmpty() ? List.of() : top.subList(1, top.size()));
        model.put("latest", latest);
        model.put("channelBlocks", channels.tree().menu().stream().map(this::block).toList());
        model.put("directory", frame.sidebar().directory());
        return new ModelAndView("portal/home", model);
    }

    private ChannelBlock block(ChannelView channel) {
        PageKeys.record(PageKeys.channelList(channel.id()));
        return new ChannelBlock(channel, articles.publicInChannel(channel.id(), 0, PER_CHANNEL).getContent());
    }
}
