package cn.dayuan.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import cn.dayuan.media.MediaRefusedException;
import cn.dayuan.media.MediaService;
import cn.dayuan.media.MediaView;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;

/**
 * The media library: every account uploads pictures (multipart field {@code file}, optional {@code alt},
 * {@code caption}, {@code credit}) and reads the library; the uploader or an editor describes and deletes a picture.
 * Addresses in the answers are site-relative ({@code /media/2026/12/….jpg}), as they go into an article's HTML.
 */
@RestController
@RequestMapping(MediaApiController.PATH)
class MediaApiController {

    static final String PATH = "/api/v1/media";
    static final int MAX_PAGE_SIZE = 100;

    private final MediaService media;
    private final ApiFormat format;
    private final Texts texts;

    MediaApiController(MediaService media, ApiFormat format, Texts texts) {
        this.media = media;
        this.format = format;
        this.texts = texts;
    }

    /** @param usedBy the articles that show the picture (only in the answer for one picture) */
    record MediaResponse(long id, String url, String thumbnailUrl, int width, int height, String type, long bytes,
                         Map<String, MediaView.Size> sizes, String alt, String caption, String credit,
                         String originalName, String uploadedBy, OffsetDateTime uploadedAt, long version,
                         List<UsageResponse> usedBy) {
    }

    record UsageResponse(long id, String title, String status) {
    }

    record DescriptionRequest(String alt, String caption, String credit) {
    }

    /** 201 with the new picture; 200 with the stored one when the same file was uploaded before. */
    @PostMapping
    ResponseEntity<MediaResponse> upload(@RequestParam(required = false) MultipartFile file,
                                         @RequestParam(required = false) String alt,
                                         @RequestParam(required = false) String caption,
                                         @RequestParam(required = false) String credit, Principal principal) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "media.file.missing");
        }
        MediaService.Uploaded uploaded = media.upload(bytes(file), file.getOriginalFilename(),
                new MediaService.Description(alt, caption, credit), principal.getName());
        return ResponseEntity.status(uploaded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(response(uploaded.media(), null));
    }

    /** Pictures newest first, whose name, alt text, caption or credit contains {@code q}; {@code page} from 1. */
    @GetMapping
    ArticleApiController.PageResponse<MediaResponse> list(@RequestParam(required = false) String q,
                                                          @RequestParam(required = false) String from,
                                                          @RequestParam(required = false) String to,
                                                          @RequestParam(defaultValue = "1") int page,
                                                          @RequestParam(defaultValue = "30") int size) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        Page<MediaView> found = media.search(q, day("from", from), day("to", to), page - 1, size);
        return new ArticleApiController.PageResponse<>(found.getContent().stream().map(m -> response(m, null)).toList(),
                page, size, found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping("/{id}")
    MediaResponse get(@PathVariable long id) {
        return response(media.get(id), media.usages(id));
    }

    /** {@code {"alt","caption","credit"}}: the picture's description as a whole (a missing field is emptied). */
    @PutMapping("/{id}")
    MediaResponse describe(@PathVariable long id, @RequestBody DescriptionRequest request, Principal principal) {
        MediaView described = media.describe(id,
                new MediaService.Description(request.alt(), request.caption(), request.credit()), principal.getName());
        return response(described, media.usages(id));
    }

    /** 204; 409 while an article shows the picture. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Principal principal) {
        media.delete(id, principal.getName());
        return ResponseEntity.noContent().build();
    }

    /** Too large is 413, not a picture 415, a broken or oversized picture 400: each with the reason in Chinese. */
    @ExceptionHandler(MediaRefusedException.class)
    ResponseEntity<ProblemDetail> refused(MediaRefusedException e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_AN_IMAGE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case DAMAGED, TOO_MANY_PIXELS -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = ApiProblems.of(status, texts.of(e));
        problem.setProperty("field", "file");
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(RequestBodyLimit.uploadProblem(texts));
    }

    private MediaResponse response(MediaView m, List<MediaService.Usage> usages) {
        return new MediaResponse(m.id(), m.url(), m.thumbnailUrl(), m.width(), m.height(), m.type(), m.bytes(),
                m.sizes(), m.alt(), m.caption(), m.credit(), m.originalName(), m.uploadedBy(),
                format.time(m.uploadedAt()), m.version(), usages == null ? null
                        : usages.stream().map(u -> new UsageResponse(u.articleId(), u.title(), u.status())).toList());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "media.day.invalid");
        }
    }
}
