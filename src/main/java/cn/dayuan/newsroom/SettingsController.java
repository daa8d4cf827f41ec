package cn.dayuan.newsroom;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.dayuan.site.SiteService;
import cn.dayuan.site.SiteSettings;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;

/** Site settings: names, the about text, footer texts and rights statements (administrators only). */
@Controller
@RequestMapping("/admin/settings")
class SettingsController {

    private final SiteService site;
    private final Texts texts;

    SettingsController(SiteService site, Texts texts) {
        this.texts = texts;
        this.site = site;
    }

    @GetMapping
    String edit(Model model) {
        return page(model, site.editable(), null);
    }

    @PostMapping
    Object save(@ModelAttribute("settings") SiteSettings settings, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            site.update(settings);
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("site.settings.saved")));
            return Redirects.seeOther("/admin/settings");
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, settings, FormError.of(e, texts));
        }
    }

    private static String page(Model model, SiteSettings settings, FormError error) {
        model.addAttribute("settings", settings);
        model.addAttribute("error", error);
        return "newsroom/settings";
    }
}
