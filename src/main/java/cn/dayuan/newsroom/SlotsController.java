package cn.dayuan.newsroom;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import cn.dayuan.article.ArticleService;
import cn.dayuan.curation.Slot;
import cn.dayuan.curation.SlotService;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.Texts;

/**
 * 推荐位: editors put articles into the slots the home page shows and order them. Every button posts the slot's whole
 * new arrangement with the version it was made from, so it works without JavaScript and never overwrites a change
 * someone else made meanwhile.
 */
@Controller
@RequestMapping("/admin/slots")
class SlotsController {

    /** How many of the newest public articles the 添加 field offers. */
    static final int CHOICES = 60;

    private final SlotService slots;
    private final ArticleService articles;
    private final Texts texts;

    SlotsController(SlotService slots, ArticleService articles, Texts texts) {
        this.slots = slots;
        this.articles = articles;
        this.texts = texts;
    }

    @GetMapping
    String page(Principal principal, Model model) {
        model.addAttribute("slots", Arrays.stream(Slot.values()).map(s -> slots.get(s, principal.getName())).toList());
        model.addAttribute("choices", articles.newest(CHOICES));
        return "newsroom/slots";
    }

    /**
     * @param articles the slot's article numbers in order, separated by commas
     * @param add      an article number or address to put at the end
     */
    @PostMapping("/{name}")
    RedirectView save(@PathVariable String name, @RequestParam(defaultValue = "") String articles,
                      @RequestParam(required = false) String add, @RequestParam(required = false) Long version,
                      Principal principal, RedirectAttributes redirect) {
        Slot slot = Slot.named(name).orElseThrow(() -> new NotFoundException("slot.unknown", name, String.join(", ", Arrays.stream(Slot.values()).map(Slot::key).toList())));
        try {
            List<Long> ids = ids(articles);
            if (add != null && !add.isBlank()) {
                ids.add(ArticleReference.parse(add)
                        .orElseThrow(() -> new InvalidInputException("add", "slot.add.invalid")));
            }
            slots.update(slot, ids, version, principal.getName());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("slot.saved", slot.label())));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of(e)));
        }
        return Redirects.seeOther("/admin/slots#" + slot.key());
    }

    private static List<Long> ids(String list) {
        List<Long> ids = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                try {
                    ids.add(Long.valueOf(part.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("articles", "slot.articles.invalid", part.strip());
                }
            }
        }
        return ids;
    }
}
