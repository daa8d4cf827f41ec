package cn.dayuan.newsroom;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import cn.dayuan.curation.TopicService;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;

/**
 * 专题 in the newsroom: editors write a topic's title, address, banner and introduction and fill its sections, each
 * with a tag (its newest articles) or articles listed one per line (numbers or addresses). A form that is refused
 * comes back with everything typed.
 */
@Controller
@RequestMapping("/admin/topics")
class TopicsController {

    private final TopicService topics;
    private final Texts texts;

    TopicsController(TopicService topics, Texts texts) {
        this.topics = topics;
        this.texts = texts;
    }

    @GetMapping
    String list(Principal principal, Model model) {
        model.addAttribute("topics", topics.all(principal.getName()));
        return "newsroom/topics";
    }

    @GetMapping("/new")
    String create(Principal principal, Model model) {
        topics.all(principal.getName()); // editors only, like saving
        return form(model, TopicForm.empty(), null);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Principal principal, Model model) {
        return form(model, TopicForm.of(topics.get(id, principal.getName())), null);
    }

    @PostMapping
    Object save(@RequestParam(required = false) Long id, @RequestParam(required = false) Long version,
                @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String title,
                @RequestParam(defaultValue = "") String banner, @RequestParam(defaultValue = "") String introduction,
                @RequestParam(defaultValue = "false") boolean published,
                @RequestParam(defaultValue = "") List<String> sectionTitle,
                @RequestParam(defaultValue = "") List<String> sectionTag,
                @RequestParam(defaultValue = "") List<String> sectionArticles,
                Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<TopicForm.Section> sections = new ArrayList<>();
        for (int i = 0; i < sectionTitle.size(); i++) {
            sections.add(new TopicForm.Section(sectionTitle.get(i), at(sectionTag, i), at(sectionArticles, i)));
        }
        TopicForm form = new TopicForm(id, version, slug, title, banner, introduction, published, sections);
        try {
            List<TopicService.Section> written = new ArrayList<>();
            for (TopicForm.Section section : sections) {
                if (!section.blank()) {
                    written.add(new TopicService.Section(section.title(), section.tag(), ids(section.articles())));
                }
            }
            TopicService.TopicDraft draft = new TopicService.TopicDraft(slug, title, banner, introduction, published,
                    written);
            TopicService.TopicView saved = id == null ? topics.create(draft, principal.getName())
                    : topics.update(id, draft, version, principal.getName());
            redirect.addFlashAttribute(Notice.FLASH, Notice.published(texts.of(saved.published() ? "topic.saved"
                    : "topic.saved.unpublished", saved.title()), saved.published() ? saved.url() : null));
            return Redirects.seeOther("/admin/topics/" + saved.id());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, form, FormError.of(e, texts));
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return form(model, form, new FormError(null, texts.of(e)));
        }
    }

    @PostMapping("/{id}/delete")
    RedirectView delete(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        topics.delete(id, principal.getName());
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("topic.deleted")));
        return Redirects.seeOther("/admin/topics");
    }

    private static String form(Model model, TopicForm form, FormError error) {
        model.addAttribute("form", form.withSpareSections());
        model.addAttribute("error", error);
        return "newsroom/topic-form";
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : "";
    }

    /** Article numbers or addresses, one per line (or separated by commas or spaces). */
    private static List<Long> ids(String typed) {
        List<Long> ids = new ArrayList<>();
        for (String line : typed.split("[\\s,，、]+")) {
            if (!line.isBlank()) {
                ids.add(ArticleReference.parse(line).orElseThrow(() ->
                        new InvalidInputException("sections", "topic.section.article.invalid", line.strip())));
            }
        }
        return ids;
    }
}
