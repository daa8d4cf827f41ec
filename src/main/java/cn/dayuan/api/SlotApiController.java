package cn.dayuan.api;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.curation.Slot;
import cn.dayuan.curation.SlotService;
import cn.dayuan.system.NotFoundException;

/**
 * Recommendation slots (推荐位), which editors read and arrange. {@code PUT} replaces a slot's
 * articles with the list given, in order; with the {@code version} read before, a save over someone else's is 409.
 */
@RestController
@RequestMapping("/api/v1/slots")
class SlotApiController {

    private final SlotService slots;
    private final ApiFormat format;

    SlotApiController(SlotService slots, ApiFormat format) {
        this.slots = slots;
        this.format = format;
    }

    record SlotItem(long id, String title, String url, String status, String coverImage) {
    }

    record SlotResponse(String name, String label, int capacity, boolean needsCover, long version, String updatedBy,
                        OffsetDateTime updatedAt, List<Long> articles, List<SlotItem> items) {
    }

    record SlotRequest(List<Long> articles, Long version) {
    }

    @GetMapping
    List<SlotResponse> list(Principal principal) {
        return Arrays.stream(Slot.values()).map(slot -> response(slots.get(slot, principal.getName()))).toList();
    }

    @GetMapping("/{name}")
    SlotResponse get(@PathVariable String name, Principal principal) {
        return response(slots.get(slot(name), principal.getName()));
    }

    @PutMapping("/{name}")
    SlotResponse put(@PathVariable String name, @RequestBody SlotRequest request, Principal principal) {
        return response(slots.update(slot(name), request.articles(), request.version(), principal.getName()));
    }

    private static Slot slot(String name) {
        return Slot.named(name).orElseThrow(() -> new NotFoundException("slot.unknown", name,
                String.join(", ", Arrays.stream(Slot.values()).map(Slot::key).toList())));
    }

    private SlotResponse response(SlotService.SlotView view) {
        Slot slot = view.slot();
        return new SlotResponse(slot.key(), slot.label(), slot.capacity(), slot.needsCover(), view.version(),
                view.updatedBy(), format.time(view.updatedAt()), view.articleIds(),
                view.articles().stream().map(this::item).toList());
    }

    private SlotItem item(ArticleDetail a) {
        return new SlotItem(a.id(), a.title(), format.absolute(a.url()), a.status().name(), a.coverImage());
    }
}
