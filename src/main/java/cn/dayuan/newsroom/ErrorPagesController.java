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

/** Newsroom error pages for what happens outside a controller: refused requests and unknown addresses. */
@Controller
class ErrorPagesController {

    private final NewsroomAdvice advice;

    ErrorPagesController(NewsroomAdvice advice) {
        this.advice = advice;
    }

    /** Where Spring Security forwards requests it refuses (missing role, missing or stale CSRF token). */
    @RequestMapping("/admin/forbidden")
    ModelAndView forbidden(HttpServletRequest request) {
        boolean csrf = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
        return advice.errorPage(request, HttpStatus.FORBIDDEN, "没有权限", csrf
                ? "表单已过期或缺少安全令牌，请返回并刷新页面后重新提交"
                : "当前账号无权访问这个页面，如需开通请联系管理员");
    }

    /** Any other newsroom address: a newsroom 404 rather than the public site's. */
    @GetMapping("/admin/**")
    void unknown() {
        throw new NotFoundException("后台没有这个页面");
    }
}
