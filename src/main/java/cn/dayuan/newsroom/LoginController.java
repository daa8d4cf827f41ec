package cn.dayuan.newsroom;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security itself checks the POST to the same address. */
@Controller
class LoginController {

    @GetMapping("/admin/login")
    String login(HttpServletRequest request, Model model) {
        if (request.getUserPrincipal() != null) {
            return "redirect:/admin";
        }
        model.addAttribute("failed", hasFlag(request, "error"));
        model.addAttribute("loggedOut", hasFlag(request, "logout"));
        model.addAttribute("expired", hasFlag(request, "expired"));
        return "newsroom/login";
    }

    /** Spring Security appends bare flags ({@code ?error}, {@code ?logout}, {@code ?expired}) that have no value. */
    private static boolean hasFlag(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        return request.getParameterMap().containsKey(name)
                || query != null && Arrays.asList(query.split("&")).contains(name);
    }
}
