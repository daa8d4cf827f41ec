package cn.dayuan.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.article.ArticleService;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.search.SearchQueries;
import cn.dayuan.search.SearchQuery;
import cn.dayuan.search.SearchResults;
import cn.dayuan.search.SearchService;
import cn.dayuan.search.SearchSort;
import cn.dayuan.system.Texts;


/**
 * Reader search: {@code /search?q=&channel=&from=&to=&sort=&page=}. Every parameter is optional and read leniently
 * (a malformed date, channel or page is ignored, not refused), so whatever a reader or a robot sends gets a page.
 * Search pages are never kept by the page cache ({@code publish}): they would go stale with every article.
 */
@Controller
class SearchController {

    /** How many of the newest articles a page without results offers instead. */
    static final int NEWEST = 10;

    private final SearchService search;
    private final ArticleService articles;
    private final ChannelService channels;
    private final PageFrames frames;
    private final Texts texts;
    private final SearchQueries queries;

    SearchController(SearchService search, ArticleService articles, ChannelService channels, PageFrames frames,
                     Texts texts, SearchQueries queries) {
        this.queries = queries;
        this.texts = texts;
        this.search = search;
        this.articles = articles;
        this.channels = channels;
        this.frames = frames;
    }

    @GetMapping("/search")
    ModelAndView search(@RequestParam(required = false) String q, @RequestParam(required = false) String channel,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
                        HttpServletRequest request) {
        SearchQuery query = new SearchQuery(q, number(channel), date(from), date(to), SearchSort.parse(sort),
                number(page) == null ? 1 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, number(page))));
        SearchResults results = search.search(query);
        queries.record(query, results.total());
        String heading = query.isBlank() ? texts.of("portal.search.title") : texts.of("portal.search.results", query.text());
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frames.page(request, heading, null, null));
        model.put("results", results);
        model.put("links", new SearchLinks(query));
        model.put("channels", channelChoices());
        model.put("newest", results.isEmpty() ? articles.newest(NEWEST) : List.of());
        return new ModelAndView("portal/search", model);
    }

    /** Every channel a reader may narrow a search to, in menu order, sub-channels after their parent. */
    private List<ChannelView> channelChoices() {
        List<ChannelView> choices = new ArrayList<>();
        for (ChannelView top : channels.tree().menu()) {
            choices.add(top);
            choices.addAll(top.shownChildren());
        }
        return choices;
    }

    private static Long number(String value) {
        if (value == null || value.isBlank() || value.length() > 18) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank() || value.length() > 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
