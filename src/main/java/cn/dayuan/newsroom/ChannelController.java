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
import cn.dayuan.channel.Channel;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelTree;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.Texts;

/** The channel tree: editors create, rename, move and remove channels. */
@Controller
@RequestMapping("/admin/channels")
public class ChannelController {

    private final ChannelService channels;
    private final Texts texts;

    private final Permissions permissions;

    ChannelController(ChannelService channels, Texts texts, Permissions permissions) {
        this.permissions = permissions;
        this.texts = texts;
        this.channels = channels;
    }

    /** Every page and action here is for editors: refused before any input is looked at. */
    @ModelAttribute
    void editorsOnly() {
        permissions.require(Role.EDITOR);
    }

    @GetMapping
    public String list(Model model) {
        return page(model, new ChannelForm(), null);
    }

    @PostMapping
    public Object create(@ModelAttribute("form") ChannelForm form, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        try {
            ChannelView parent = parent(form);
            Channel created = channels.create(form.getName(), form.getSlug(), parent == null ? null : parent.path(),
                    form.getDescription(), form.sortOrderValue(), form.hiddenValue());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("channel.created", created.getName(),
                    created.getSlug(), created.getPath())));
            return Redirects.seeOther("/admin/channels");
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, form, FormError.of(e, texts));
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(model, form, new FormError("slug", texts.of(e)));
        }
    }

    @GetMapping("/{id}/edit")
    public String edit(@PathVariable long id, Model model) {
        ChannelView channel = view(id);
        return editPage(model, channel, ChannelForm.of(channel), null);
    }

    @PostMapping("/{id}")
    public Object update(@PathVariable long id, @ModelAttribute("form") ChannelForm form, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        ChannelView current = view(id);
        try {
            ChannelView parent = parent(form);
            Channel updated = channels.update(id, form.getName(), form.getSlug(), parent == null ? null : parent.id(),
                    form.getDescription(), form.sortOrderValue(), form.hiddenValue());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(updated.getPath().equals(current.path())
                    ? texts.of("channel.saved", updated.getName(), updated.getPath())
                    : texts.of("channel.saved.moved", updated.getName(), updated.getPath(), current.path())));
            return Redirects.seeOther("/admin/channels");
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return editPage(model, current, form, FormError.of(e, texts));
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return editPage(model, current, form, new FormError("slug", texts.of(e)));
        }
    }

    @PostMapping("/{id}/delete")
    public RedirectView delete(@PathVariable long id, RedirectAttributes redirect) {
        String name = view(id).name();
        try {
            channels.delete(id);
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("channel.deleted", name)));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of("channel.delete.failed", e)));
        }
        return Redirects.seeOther("/admin/channels");
    }

    private String page(Model model, ChannelForm form, FormError error) {
        model.addAttribute("channels", channels.tree().all());
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "newsroom/channels";
    }

    private String editPage(Model model, ChannelView channel, ChannelForm form, FormError error) {
        ChannelTree tree = channels.tree();
        // a channel cannot move below itself, so its own branch is not offered as a parent
        var ownBranch = tree.selfAndDescendantIds(channel.id());
        model.addAttribute("channel", channel);
        model.addAttribute("parents", tree.all().stream().filter(c -> !ownBranch.contains(c.id())).toList());
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "newsroom/channel-edit";
    }

    private ChannelView parent(ChannelForm form) {
        Long parentId = form.parentId();
        return parentId == null ? null : channels.tree().byId(parentId)
                .orElseThrow(() -> new InvalidInputException("parent", "channel.parent.missing"));
    }

    private ChannelView view(long id) {
        return channels.tree().byId(id).orElseThrow(() -> new NotFoundException("channel.not-found", id));
    }
}
