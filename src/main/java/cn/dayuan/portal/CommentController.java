package cn.dayuan.portal;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleService;
import cn.dayuan.captcha.CaptchaService;
import cn.dayuan.comment.CommentService;
import cn.dayuan.comment.CommentService.CommentDraft;
import cn.dayuan.comment.CommentService.Posted;
import cn.dayuan.comment.CommentService.ReaderComment;
import cn.dayuan.comment.CommentStatus;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.Texts;

/**
 * The comment form of article pages, which works without JavaScript: the cached page shows {@code /captcha.png},
 * which draws a new challenge and remembers its id in a short-lived cookie; the form posts here and comes back to the
 * article with a message (303), or, when something is wrong, shows the form again with what the reader typed and a
 * new captcha. The page's script posts the same form and reads the JSON answer instead.
 */
@Controller
class CommentController {

    static final String CAPTCHA_COOKIE = "dy_captcha";

    private final CaptchaService captcha;
    private final CommentService comments;
    private final ArticleService articles;
    private final PageFrames frames;
    private final Texts texts;

    CommentController(CaptchaService captcha, CommentService comments, ArticleService articles, PageFrames frames,
                      Texts texts) {
        this.texts = texts;
        this.captcha = captcha;
        this.comments = comments;
        this.articles = articles;
        this.frames = frames;
    }

    @GetMapping("/captcha.png")
    ResponseEntity<byte[]> captchaImage(HttpServletRequest request) {
        CaptchaService.Challenge challenge = captcha.issue();
        ResponseCookie cookie = ResponseCookie.from(CAPTCHA_COOKIE, challenge.id()).path("/").httpOnly(true)
                .sameSite("Lax").secure(request.isSecure()).maxAge(CaptchaService.LIFETIME).build();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.SET_COOKIE, cookie.toString()).body(challenge.png());
    }

    /** The form on a page of its own: to reply to a comment without JavaScript. */
    @GetMapping("/comment/{id}")
    ModelAndView form(@PathVariable long id, @RequestParam(required = false) Long replyTo,
                      HttpServletRequest request) {
        ArticleDetail article = articles.findPublic(id).orElseThrow(PortalPages::pageNotFound);
        return formPage(request, article, replyTo, "", "", null, HttpStatus.OK);
    }

    @PostMapping("/comment/{id}")
    Object post(@PathVariable long id, @RequestParam(required = false) String name,
                @RequestParam(required = false) String content, @RequestParam(required = false) Long replyTo,
                @RequestParam(required = false) String captchaId, @RequestParam(required = false) String captchaAnswer,
                @RequestParam(required = false) String website,
                @CookieValue(name = CAPTCHA_COOKIE, required = false) String captchaCookie,
                HttpServletRequest request, HttpServletResponse response) {
        ArticleDetail article = articles.findPublic(id).orElseThrow(PortalPages::pageNotFound);
        String challenge = captchaId != null && !captchaId.isBlank() ? captchaId : captchaCookie;
        Posted posted;
        try {
            posted = comments.post(id, new CommentDraft(name, content, replyTo, challenge, captchaAnswer, website),
                    request.getRemoteAddr());
        } catch (InvalidInputException e) {
            if (ErrorPages.wantsJson(request)) {
                throw e;
            }
            return formPage(request, article, replyTo, name, content, texts.of(e), HttpStatus.BAD_REQUEST);
        }
        if (ErrorPages.wantsJson(request)) {
            return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(posted);
        }
        String outcome = posted.status() == CommentStatus.APPROVED ? "published" : "pending";
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(article.url() + "?comment=" + outcome + "#comments")).build();
    }

    private ModelAndView formPage(HttpServletRequest request, ArticleDetail article, Long replyTo, String name,
                                  String content, String error, HttpStatus status) {
        ReaderComment parent = replyTo == null ? null : comments.threadsOnPage(article.id()).stream()
                .flatMap(t -> java.util.stream.Stream.concat(java.util.stream.Stream.of(t), t.replies().stream()))
                .filter(c -> c.id() == replyTo).findFirst().orElse(null);
        PageKeys.record(PageKeys.article(article.id()));
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frames.page(request, texts.of("portal.comment.title", article.title()), null, null));
        model.put("article", article);
        model.put("policy", comments.policyFor(article));
        model.put("replyTo", parent);
        model.put("name", name == null ? "" : name);
        model.put("content", content == null ? "" : content);
        model.put("error", error);
        ModelAndView page = new ModelAndView("portal/comment", model);
        page.setStatus(status);
        return page;
    }
}
