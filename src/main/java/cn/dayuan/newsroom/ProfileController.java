package cn.dayuan.newsroom;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.dayuan.account.Account;
import cn.dayuan.account.AccountService;
import cn.dayuan.account.ApiTokenService;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.Texts;

/** The signed-in user's own page: their password and their personal API tokens. */
@Controller
@RequestMapping("/admin/profile")
class ProfileController {

    /** Flash attribute with a new token's plain text: shown on the next page only, never stored. */
    private static final String ISSUED_TOKEN = "issuedToken";

    private final AccountService accounts;
    private final ApiTokenService tokens;
    private final Texts texts;

    ProfileController(AccountService accounts, ApiTokenService tokens, Texts texts) {
        this.texts = texts;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping
    String profile(Principal principal, Model model) {
        return page(model, me(principal), null, null);
    }

    @PostMapping("/password")
    Object changePassword(@RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String password,
                          @RequestParam(defaultValue = "") String confirmPassword, Principal principal,
                          Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (!password.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "account.password.mismatch");
            }
            accounts.changeOwnPassword(principal.getName(), currentPassword, password);
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("account.password.changed")));
            return Redirects.seeOther("/admin/profile");
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, me(principal), FormError.of(e, texts), null);
        }
    }

    @PostMapping("/tokens")
    Object createToken(@RequestParam(defaultValue = "") String name, Principal principal, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        Account me = me(principal);
        try {
            ApiTokenService.IssuedToken issued = tokens.issue(me.getId(), name);
            redirect.addFlashAttribute(ISSUED_TOKEN, issued.plainText());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("account.token.created",
                    issued.token().getName())));
            return Redirects.seeOther("/admin/profile");
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, me, null, FormError.of(e, texts));
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    Object revokeToken(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        tokens.revoke(me(principal).getId(), id);
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("account.token.revoked")));
        return Redirects.seeOther("/admin/profile");
    }

    private String page(Model model, Account me, FormError passwordError, FormError tokenError) {
        model.addAttribute("account", me);
        model.addAttribute("tokens", tokens.findByAccount(me.getId()));
        model.addAttribute("passwordError", passwordError);
        model.addAttribute("tokenError", tokenError);
        return "newsroom/profile";
    }

    private Account me(Principal principal) {
        return accounts.findByUsername(principal.getName())
                .orElseThrow(() -> new NotFoundException("account.not-found", principal.getName()));
    }
}
