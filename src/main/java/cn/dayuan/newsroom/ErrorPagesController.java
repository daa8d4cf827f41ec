package cn.dayuan.newsroom;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.Texts;

/** Newsroom error pages for what happens outside a controller: refused requests and unknown addresses. */
@Controller
class ErrorPagesController {

    private final NewsroomAdvice advice;
    private final Texts texts;

    ErrorPagesController(NewsroomAdvice advice, Texts texts) {
        this.advice = advice;
        this.texts = texts;
    }

    /** Where Spring Security forwards requests it refuses (missing role, missing or stale CSRF token). */
    @RequestMapping("/admin/forbidden")
    ModelAndView forbidden(HttpServletRequest request) {
        boolean csrf = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
        return advice.errorPage(request, HttpStatus.FORBIDDEN, texts.of("newsroom.error.forbidden"), csrf
                ? texts.of("newsroom.error.forbidden.csrf") : texts.of("newsroom.error.forbidden.page"));
    }

    /** Any other newsroom address: a newsroom 404 rather than the public site's. */
    @GetMapping("/admin/**")
    void unknown() {
        throw new NotFoundException("newsroom.page.not-found");
    }
}
