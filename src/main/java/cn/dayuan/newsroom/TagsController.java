package cn.dayuan.newsroom;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;
import cn.dayuan.tag.Tag;
import cn.dayuan.tag.TagService;
import cn.dayuan.tag.TagView;

/** Keywords (关键词): editors look them up by name, rename, merge two into one and delete them. */
@Controller
@RequestMapping("/admin/tags")
class TagsController {

    static final int PAGE_SIZE = 30;
    /** How many of the most used tags the merge form offers to pick from as one types. */
    static final int MERGE_CHOICES = 200;

    private final TagService tags;
    private final Texts texts;

    private final Permissions permissions;

    TagsController(TagService tags, Texts texts, Permissions permissions) {
        this.permissions = permissions;
        this.texts = texts;
        this.tags = tags;
    }

    /** Every page and action here is for editors: refused before any input is looked at. */
    @ModelAttribute
    void editorsOnly() {
        permissions.require(Role.EDITOR);
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") String page,
                Model model) {
        // A page number that is not one (typed into the address bar, cut off) shows the first page.
        int current = page.matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(page)) : 1;
        Page<TagView> found = tags.list(q, current - 1, PAGE_SIZE);
        model.addAttribute("tags", found);
        model.addAttribute("q", q == null ? "" : q.trim());
        model.addAttribute("page", current);
        return "newsroom/tags";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return editPage(model, tags.get(id), null, null, null);
    }

    @PostMapping("/{id}/rename")
    Object rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        TagView before = tags.get(id);
        try {
            TagView renamed = tags.rename(id, name);
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("tag.renamed", before.name(),
                    renamed.name())));
            return Redirects.seeOther("/admin/tags/" + id + "/edit");
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return editPage(model, before, FormError.of(e, texts), name, null);
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return editPage(model, before, new FormError("name", texts.of(e)), name, null);
        }
    }

    /** {@code into} is the name of the tag to merge into, as the editor typed or picked it. */
    @PostMapping("/{id}/merge")
    Object merge(@PathVariable long id, @RequestParam(defaultValue = "") String into, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        TagView from = tags.get(id);
        try {
            if (into.isBlank()) {
                throw new InvalidInputException("into", "tag.merge.into.required");
            }
            Tag target = tags.findByName(into).orElseThrow(() -> new InvalidInputException("into",
                    "tag.merge.into.unknown", into.trim()));
            TagView merged = tags.merge(id, target.getId());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("tag.merged", from.name(), merged.name(),
                    from.articleCount(), merged.name())));
            return Redirects.seeOther("/admin/tags/" + merged.id() + "/edit");
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return editPage(model, from, FormError.of(e, texts), null, into);
        }
    }

    @PostMapping("/{id}/delete")
    RedirectView delete(@PathVariable long id, RedirectAttributes redirect) {
        TagView tag = tags.get(id);
        tags.delete(id);
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("tag.deleted", tag.name(),
                tag.articleCount())));
        return Redirects.seeOther("/admin/tags");
    }

    private String editPage(Model model, TagView tag, FormError error, String name, String into) {
        model.addAttribute("tag", tag);
        model.addAttribute("error", error);
        model.addAttribute("name", name == null ? tag.name() : name);
        model.addAttribute("into", into == null ? "" : into);
        model.addAttribute("choices", tags.list(null, 0, MERGE_CHOICES).getContent().stream()
                .filter(t -> t.id() != tag.id()).map(TagView::name).toList());
        return "newsroom/tag-edit";
    }
}
