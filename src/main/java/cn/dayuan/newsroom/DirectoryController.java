package cn.dayuan.newsroom;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.directory.DirectoryService;
import cn.dayuan.directory.DirectoryView;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.ReadableException;
import cn.dayuan.system.Texts;

/** The public-service navigation (便民导航): categories of government and service platforms and their links. */
@Controller
@RequestMapping("/admin/directory")
public class DirectoryController {

    private static final String LIST = "/admin/directory";

    private final DirectoryService directory;
    private final Texts texts;

    private final Permissions permissions;

    DirectoryController(DirectoryService directory, Texts texts, Permissions permissions) {
        this.permissions = permissions;
        this.texts = texts;
        this.directory = directory;
    }

    /** Every page and action here is for editors: refused before any input is looked at. */
    @ModelAttribute
    void editorsOnly() {
        permissions.require(Role.EDITOR);
    }

    @GetMapping
    public String list(Model model) {
        return page(model, new CategoryForm(), null, new LinkForm(), null);
    }

    @PostMapping("/categories")
    public Object createCategory(@ModelAttribute CategoryForm categoryForm, Model model,
                                 HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var created = directory.createCategory(categoryForm.getName(), categoryForm.getDescription(),
                    categoryForm.sortOrderValue());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("directory.category.created",
                    created.name())));
            return Redirects.seeOther(LIST);
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(status(e));
            return page(model, categoryForm, error(e, "name"), new LinkForm(), null);
        }
    }

    @GetMapping("/categories/{id}/edit")
    public String editCategory(@PathVariable long id, Model model) {
        DirectoryView.Category category = category(id);
        return categoryPage(model, category, CategoryForm.of(category), null);
    }

    @PostMapping("/categories/{id}")
    public Object updateCategory(@PathVariable long id, @ModelAttribute CategoryForm categoryForm, Model model,
                                 HttpServletResponse response, RedirectAttributes redirect) {
        DirectoryView.Category category = category(id);
        try {
            directory.updateCategory(id, categoryForm.getName(), categoryForm.getDescription(),
                    categoryForm.sortOrderValue());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("directory.category.saved",
                    categoryForm.getName().trim())));
            return Redirects.seeOther(LIST);
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(status(e));
            return categoryPage(model, category, categoryForm, error(e, "name"));
        }
    }

    @PostMapping("/categories/{id}/delete")
    public RedirectView deleteCategory(@PathVariable long id, RedirectAttributes redirect) {
        DirectoryView.Category category = category(id);
        directory.deleteCategory(id);
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("directory.category.deleted", category.name(),
                category.links().size())));
        return Redirects.seeOther(LIST);
    }

    @PostMapping("/links")
    public Object createLink(@ModelAttribute LinkForm linkForm, Model model, HttpServletResponse response,
                             RedirectAttributes redirect) {
        try {
            var created = directory.createLink(knownCategory(linkForm), linkForm.getName(), linkForm.getUrl(),
                    linkForm.getDescription(), linkForm.sortOrderValue());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("directory.link.created",
                    created.name())));
            return Redirects.seeOther(LIST);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, new CategoryForm(), null, linkForm, FormError.of(e, texts));
        }
    }

    @GetMapping("/links/{id}/edit")
    public String editLink(@PathVariable long id, Model model) {
        DirectoryView.Link link = directory.link(id);
        return linkPage(model, link, LinkForm.of(link), null);
    }

    @PostMapping("/links/{id}")
    public Object updateLink(@PathVariable long id, @ModelAttribute LinkForm linkForm, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        DirectoryView.Link link = directory.link(id);
        try {
            var updated = directory.updateLink(id, knownCategory(linkForm), linkForm.getName(), linkForm.getUrl(),
                    linkForm.getDescription(), linkForm.sortOrderValue());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("directory.link.saved", updated.name())));
            return Redirects.seeOther(LIST);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return linkPage(model, link, linkForm, FormError.of(e, texts));
        }
    }

    @PostMapping("/links/{id}/delete")
    public RedirectView deleteLink(@PathVariable long id, RedirectAttributes redirect) {
        DirectoryView.Link link = directory.link(id);
        directory.deleteLink(id);
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("directory.link.deleted", link.name())));
        return Redirects.seeOther(LIST);
    }

    private String page(Model model, CategoryForm categoryForm, FormError categoryError, LinkForm linkForm,
                        FormError linkError) {
        model.addAttribute("directory", directory.view());
        model.addAttribute("categoryForm", categoryForm);
        model.addAttribute("categoryError", categoryError);
        model.addAttribute("linkForm", linkForm);
        model.addAttribute("linkError", linkError);
        return "newsroom/directory";
    }

    private String categoryPage(Model model, DirectoryView.Category category, CategoryForm form, FormError error) {
        model.addAttribute("category", category);
        model.addAttribute("categoryForm", form);
        model.addAttribute("error", error);
        return "newsroom/directory-category";
    }

    private String linkPage(Model model, DirectoryView.Link link, LinkForm form, FormError error) {
        model.addAttribute("link", link);
        model.addAttribute("categories", directory.view().categories());
        model.addAttribute("linkForm", form);
        model.addAttribute("error", error);
        return "newsroom/directory-link";
    }

    /** A category picked in a link form must exist: an unknown one is the user's input, not a missing page. */
    private long knownCategory(LinkForm form) {
        long id = form.categoryId();
        if (directory.view().categories().stream().noneMatch(c -> c.id() == id)) {
            throw new InvalidInputException("category", "directory.category.missing");
        }
        return id;
    }

    private DirectoryView.Category category(long id) {
        return directory.view().categories().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("directory.category.not-found", id));
    }

    private static int status(RuntimeException e) {
        return e instanceof ConflictException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST;
    }

    private FormError error(ReadableException e, String conflictField) {
        return e instanceof InvalidInputException invalid ? FormError.of(invalid, texts)
                : new FormError(conflictField, texts.of(e));
    }
}
