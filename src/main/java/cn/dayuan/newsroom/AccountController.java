package cn.dayuan.newsroom;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.dayuan.account.Account;
import cn.dayuan.account.AccountService;
import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;

/** Newsroom accounts: administrators create editors, authors and other administrators. */
@Controller
@RequestMapping("/admin/accounts")
class AccountController {

    private final AccountService accounts;
    private final Texts texts;

    private final Permissions permissions;

    AccountController(AccountService accounts, Texts texts, Permissions permissions) {
        this.permissions = permissions;
        this.texts = texts;
        this.accounts = accounts;
    }

    /** Every page and action here is for administrators: refused before any input is looked at. */
    @ModelAttribute
    void administratorsOnly() {
        permissions.require(Role.ADMIN);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", accounts.findAll());
        return "newsroom/accounts";
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        return createPage(model, new AccountForm(), null);
    }

    @PostMapping
    Object create(@ModelAttribute("form") AccountForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            Account created = accounts.create(form.getUsername(), form.getDisplayName(), form.getEmail(),
                    form.getPassword(), form.roleValue());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("account.created", created.getUsername(),
                    created.getRole().label())));
            return Redirects.seeOther("/admin/accounts");
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return createPage(model, withoutPassword(form), FormError.of(e, texts));
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return createPage(model, withoutPassword(form), new FormError("username", texts.of(e)));
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Account account = accounts.get(id);
        return editPage(model, account, AccountForm.of(account), null);
    }

    @PostMapping("/{id}")
    Object update(@PathVariable long id, @ModelAttribute("form") AccountForm form, Principal principal, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Account account = accounts.get(id);
        try {
            Role role = form.roleValue();
            // an administrator who locks themselves out cannot undo it from the newsroom
            if (account.getUsername().equals(principal.getName()) && (!form.isEnabled() || role != Role.ADMIN)) {
                throw new InvalidInputException("role", "account.self.demote");
            }
            Account updated = accounts.update(id, form.getDisplayName(), form.getEmail(), role, form.isEnabled());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("account.saved", updated.getUsername())));
            return Redirects.seeOther("/admin/accounts");
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            form.setUsername(account.getUsername());
            return editPage(model, account, form, FormError.of(e, texts));
        }
    }

    @PostMapping("/{id}/password")
    Object resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        Account account = accounts.get(id);
        try {
            accounts.changePassword(id, password);
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("account.password.reset",
                    account.getUsername())));
            return Redirects.seeOther("/admin/accounts/" + id + "/edit");
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return editPage(model, account, AccountForm.of(account), FormError.of(e, texts));
        }
    }

    private static String createPage(Model model, AccountForm form, FormError error) {
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("error", error);
        return "newsroom/account-new";
    }

    private static String editPage(Model model, Account account, AccountForm form, FormError error) {
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("error", error);
        return "newsroom/account-edit";
    }

    /** A rejected password is not sent back into the page. */
    private static AccountForm withoutPassword(AccountForm form) {
        form.setPassword(null);
        return form;
    }
}
