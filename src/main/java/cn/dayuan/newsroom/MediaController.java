package cn.dayuan.newsroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import cn.dayuan.media.MediaRefusedException;
import cn.dayuan.media.MediaService;
import cn.dayuan.media.MediaView;
import cn.dayuan.media.Watermark;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;

/**
 * 图片库: every account uploads pictures (a form here, or the article editor's picture button, drop and paste, which
 * ask for JSON) and describes its own; editors describe and delete any picture no article shows.
 */
@Controller
@RequestMapping("/admin/media")
class MediaController {

    static final int PAGE_SIZE = 24;

    private final MediaService media;
    private final Texts texts;

    MediaController(MediaService media, Texts texts) {
        this.media = media;
        this.texts = texts;
    }

    @GetMapping
    String library(@RequestParam(required = false) String q, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") String page,
                   Model model) {
        int current = page.matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(page)) : 1;
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        Page<MediaView> found = media.search(q, fromDay, toDay, current - 1, PAGE_SIZE);
        model.addAttribute("pictures", found);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("from", fromDay == null ? "" : fromDay.toString());
        model.addAttribute("to", toDay == null ? "" : toDay.toString());
        model.addAttribute("page", current);
        model.addAttribute("watermark", media.watermark());
        return "newsroom/media";
    }

    /** 水印 (administrators): applies to pictures uploaded from now on. */
    @PostMapping("/watermark")
    RedirectView watermark(@RequestParam(defaultValue = "false") boolean enabled,
                           @RequestParam(required = false) String text,
                           @RequestParam(defaultValue = "BOTTOM_RIGHT") String position,
                           @RequestParam(defaultValue = "60") String opacity, Principal principal,
                           RedirectAttributes redirect) {
        try {
            Watermark.Position where = java.util.Arrays.stream(Watermark.Position.values())
                    .filter(p -> p.name().equals(position)).findFirst().orElse(Watermark.Position.BOTTOM_RIGHT);
            int percent = opacity.strip().matches("\\d{1,3}") ? Integer.parseInt(opacity.strip()) : -1;
            media.setWatermark(new Watermark(enabled, text, where, percent), principal.getName());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of(enabled ? "media.watermark.saved"
                    : "media.watermark.off")));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of(e)));
        }
        return Redirects.seeOther("/admin/media");
    }

    /** The upload form: on to the new picture's page, or back to the library with the reason it was refused. */
    @PostMapping
    RedirectView upload(@RequestParam(required = false) MultipartFile file,
                        @RequestParam(required = false) String alt, @RequestParam(required = false) String caption,
                        @RequestParam(required = false) String credit, Principal principal,
                        RedirectAttributes redirect) {
        try {
            MediaService.Uploaded uploaded = media.upload(bytes(file), file.getOriginalFilename(),
                    new MediaService.Description(alt, caption, credit), principal.getName());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of(uploaded.created() ? "media.uploaded"
                    : "media.uploaded.before")));
            return Redirects.seeOther("/admin/media/" + uploaded.media().id());
        } catch (MediaRefusedException | InvalidInputException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of("media.upload.failed", e)));
            return Redirects.seeOther("/admin/media");
        }
    }

    /** The article editor's uploads (picture button, drop, paste, cover): the picture as JSON, or the reason. */
    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> uploadFromEditor(@RequestParam(required = false) MultipartFile file,
                                                         @RequestParam(required = false) String alt,
                                                         Principal principal) {
        try {
            MediaView picture = media.upload(bytes(file), file.getOriginalFilename(),
                    new MediaService.Description(alt, null, null), principal.getName()).media();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", picture.id());
            answer.put("url", picture.sizes().get(MediaService.LARGE).url());
            answer.put("coverUrl", picture.sizes().get(MediaService.COVER).url());
            answer.put("thumbnailUrl", picture.thumbnailUrl());
            answer.put("alt", picture.alt() == null ? "" : picture.alt());
            return ResponseEntity.ok(answer);
        } catch (MediaRefusedException | InvalidInputException e) {
            HttpStatus status = e instanceof MediaRefusedException refused
                    && refused.reason() == MediaRefusedException.Reason.TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE
                    : HttpStatus.BAD_REQUEST;
            return ResponseEntity.status(status).body(Map.of("error", texts.of(e)));
        }
    }

    @GetMapping("/{id}")
    String picture(@PathVariable long id, Model model) {
        model.addAttribute("picture", media.get(id));
        model.addAttribute("usages", media.usages(id));
        return "newsroom/media-edit";
    }

    @PostMapping("/{id}")
    RedirectView describe(@PathVariable long id, @RequestParam(required = false) String alt,
                          @RequestParam(required = false) String caption,
                          @RequestParam(required = false) String credit, Principal principal,
                          RedirectAttributes redirect) {
        try {
            media.describe(id, new MediaService.Description(alt, caption, credit), principal.getName());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("media.described")));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of(e)));
        }
        return Redirects.seeOther("/admin/media/" + id);
    }

    @PostMapping("/{id}/delete")
    RedirectView delete(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        try {
            media.delete(id, principal.getName());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("media.deleted")));
            return Redirects.seeOther("/admin/media");
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of(e)));
            return Redirects.seeOther("/admin/media/" + id);
        }
    }

    private static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "media.file.choose");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A day typed into the filter; anything else is no filter. */
    private static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
