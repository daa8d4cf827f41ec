package cn.dayuan.portal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.curation.TopicService;
import cn.dayuan.system.Texts;

/** Special topics (专题): the list at {@code /zt/} and each published topic's page at {@code /zt/{slug}/}. */
@Controller
class TopicController {

    private final TopicService topics;
    private final PageFrames frames;
    private final Texts texts;

    TopicController(TopicService topics, PageFrames frames, Texts texts) {
        this.topics = topics;
        this.frames = frames;
        this.texts = texts;
    }

    @GetMapping("/zt/")
    ModelAndView list(HttpServletRequest request) {
        return new ModelAndView("portal/topics", Map.of(
                "frame", frames.page(request, texts.of("portal.topics.title"), texts.of("portal.topics.description"), null),
                "topics", topics.published()));
    }

    @GetMapping("/zt/{slug}/")
    ModelAndView topic(@PathVariable String slug, HttpServletRequest request) {
        TopicService.ShownTopic shown = topics.shown(slug).orElseThrow(PortalPages::pageNotFound);
        String introduction = shown.topic().introduction();
        return new ModelAndView("portal/topic", Map.of(
                "frame", frames.page(request, shown.topic().title(),
                        introduction == null ? texts.of("portal.topic.description", shown.topic().title()) : introduction, null),
                "shown", shown));
    }
}
