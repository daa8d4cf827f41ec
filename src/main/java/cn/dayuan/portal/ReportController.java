package cn.dayuan.portal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.report.ReportKind;
import cn.dayuan.report.ReportService;
import cn.dayuan.report.ReportService.PublicCase;
import cn.dayuan.report.ReportService.ReportDraft;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.Texts;

/**
 * The public 举报 page: a form that works without JavaScript (its captcha image names the challenge in a cookie,
 * as the comment form's does), a case number for the reporter, and the lookup of a case's status by that number.
 */
@Controller
class ReportController {

    private final ReportService reports;
    private final PageFrames frames;
    private final Texts texts;

    ReportController(ReportService reports, PageFrames frames, Texts texts) {
        this.texts = texts;
        this.reports = reports;
        this.frames = frames;
    }

    /** The form; an article's or a comment's 举报 link fills in what is reported. */
    @GetMapping("/jubao/")
    ModelAndView form(@RequestParam(required = false) String url, @RequestParam(required = false) String comment,
                      HttpServletRequest request) {
        return formPage(request, new ReportForm(null, url, parseId(comment), "", "", ""), null, HttpStatus.OK);
    }

    @PostMapping("/jubao/")
    Object file(@RequestParam(required = false) String kind, @RequestParam(required = false) String url,
                @RequestParam(required = false) String comment, @RequestParam(required = false) String description,
                @RequestParam(required = false) String contactName, @RequestParam(required = false) String contact,
                @RequestParam(required = false) String captchaAnswer, @RequestParam(required = false) String website,
                @CookieValue(name = CommentController.CAPTCHA_COOKIE, required = false) String captchaId,
                HttpServletRequest request) {
        ReportKind chosen = java.util.Arrays.stream(ReportKind.values()).filter(k -> k.name().equals(kind))
                .findFirst().orElse(null);
        ReportForm form = new ReportForm(chosen, url, parseId(comment), description, contactName, contact);
        String caseNumber;
        try {
            caseNumber = reports.submit(new ReportDraft(chosen, url, form.comment(), description, contactName, contact,
                    captchaId, captchaAnswer, website), request.getRemoteAddr());
        } catch (InvalidInputException e) {
            return formPage(request, form, texts.of(e), HttpStatus.BAD_REQUEST);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/jubao/case?number="
                + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8) + "&filed=1")).build();
    }

    @GetMapping("/jubao/case")
    ModelAndView lookup(@RequestParam(required = false) String number, @RequestParam(required = false) String filed,
                        HttpServletRequest request) {
        PublicCase found = null;
        String error = null;
        if (number != null && !number.isBlank()) {
            try {
                found = reports.lookup(number);
            } catch (NotFoundException e) {
                error = texts.of("portal.report.case.not-found", number.strip());
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frames.page(request, texts.of("portal.report.case.title"), null, null));
        model.put("found", found);
        model.put("number", number == null ? "" : number.strip());
        model.put("filed", found != null && filed != null);
        model.put("error", error);
        ModelAndView page = new ModelAndView("portal/jubao-case", model);
        page.setStatus(error != null ? HttpStatus.NOT_FOUND : HttpStatus.OK);
        return page;
    }

    private ModelAndView formPage(HttpServletRequest request, ReportForm form, String error, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frames.page(request, texts.of("portal.report.title"), null, null));
        model.put("form", form);
        model.put("kinds", ReportKind.values());
        model.put("error", error);
        ModelAndView page = new ModelAndView("portal/jubao", model);
        page.setStatus(status);
        return page;
    }

    private static Long parseId(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
