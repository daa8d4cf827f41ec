package cn.dayuan.portal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.article.RightsType;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.Texts;

/** The site's own pages: about, copyright and disclaimer, and the public-service navigation. */
@Controller
class InfoPageController {

    private final PageFrames frames;
    private final Texts texts;

    InfoPageController(PageFrames frames, Texts texts) {
        this.texts = texts;
        this.frames = frames;
    }

    @GetMapping("/about.html")
    ModelAndView about(HttpServletRequest request) {
        String heading = texts.of("portal.about.title");
        return new ModelAndView("portal/about",
                Map.of("frame", frames.page(request, heading, frames.settings().aboutText(), null)));
    }

    @GetMapping("/copyright.html")
    ModelAndView copyright(HttpServletRequest request) {
        PageFrame frame = frames.page(request, texts.of("portal.copyright.title"),
                texts.of("portal.copyright.description"), null);
        return new ModelAndView("portal/copyright", Map.of("frame", frame,
                "reprintExample", RightsStatements.of(frame.site(), RightsType.REPRINT,
                        texts.of("portal.copyright.example-source"))));
    }

    @GetMapping("/nav/")
    ModelAndView navigation(HttpServletRequest request) {
        PageKeys.record(PageKeys.DIRECTORY);
        PageFrame frame = frames.page(request, texts.of("portal.nav.title"),
                texts.of("portal.nav.description"), null);
        return new ModelAndView("portal/nav", Map.of("frame", frame, "directory", frame.sidebar().directory()));
    }

    @GetMapping("/nav")
    ModelAndView navigationWithoutSlash() {
        return Redirects.permanent("/nav/");
    }
}
