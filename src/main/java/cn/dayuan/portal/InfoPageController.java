package cn.dayuan.portal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.article.RightsType;
import cn.dayuan.system.PageKeys;

/** The site's own pages: about, copyright and disclaimer, and the public-service navigation. */
@Controller
class InfoPageController {

    private final PageFrames frames;

    InfoPageController(PageFrames frames) {
        this.frames = frames;
    }

    @GetMapping("/about.html")
    ModelAndView about(HttpServletRequest request) {
        String heading = "关于我们";
        return new ModelAndView("portal/about",
                Map.of("frame", frames.page(request, heading, frames.settings().aboutText(), null)));
    }

    @GetMapping("/copyright.html")
    ModelAndView copyright(HttpServletRequest request) {
        PageFrame frame = frames.page(request, "版权声明", "本站文章的权属说明、免责声明与侵权处理方式。", null);
        return new ModelAndView("portal/copyright", Map.of("frame", frame,
                "reprintExample", RightsStatements.of(frame.site(), RightsType.REPRINT, "来源媒体")));
    }

    @GetMapping("/nav/")
    ModelAndView navigation(HttpServletRequest request) {
        PageKeys.record(PageKeys.DIRECTORY);
        PageFrame frame = frames.page(request, "便民服务导航", "本地政务与公共服务平台一站式直达。", null);
        return new ModelAndView("portal/nav", Map.of("frame", frame, "directory", frame.sidebar().directory()));
    }

    @GetMapping("/nav")
    ModelAndView navigationWithoutSlash() {
        return Redirects.permanent("/nav/");
    }
}
