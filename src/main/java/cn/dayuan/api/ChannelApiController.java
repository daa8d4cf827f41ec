package cn.dayuan.api;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelTree;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;

/** Channels (栏目): everyone in the newsroom reads them, editors and administrators change them. */
@RestController
@RequestMapping("/api/v1/channels")
class ChannelApiController {

    private final ChannelService channels;
    private final ApiFormat format;

    ChannelApiController(ChannelService channels, ApiFormat format) {
        this.channels = channels;
        this.format = format;
    }

    /**
     * What a client sends to create or (fully) replace a channel; {@code parent} is a path, blank for top level;
     * {@code hidden} leaves the channel out of the public menu (default: shown; left out of a PUT: kept as it is).
     */
    record ChannelRequest(String name, String slug, String parent, String description, Integer sortOrder,
                          Boolean hidden) {
    }

    record ChannelResponse(long id, String name, String slug, String path, String parent, String description,
                           int sortOrder, boolean hidden, String url) {
    }

    /** Every channel, parents before their children, in display order. */
    @GetMapping
    List<ChannelResponse> list() {
        ChannelTree tree = channels.tree();
        return tree.all().stream().map(c -> response(tree, c)).toList();
    }

    @GetMapping("/{id}")
    ChannelResponse get(@PathVariable long id) {
        return response(id);
    }

    @PostMapping
    ResponseEntity<ChannelResponse> create(@RequestBody ChannelRequest request) {
        long id = channels.create(request.name(), request.slug(), request.parent(), request.description(),
                request.sortOrder(), Boolean.TRUE.equals(request.hidden())).getId();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(id).toUri()).body(response(id));
    }

    /**
     * Replaces the channel: a left-out {@code parent} makes it top-level, a left-out slug becomes the pinyin. A new
     * path leaves the old addresses of the channel, its sub-channels and their articles answering 301 to the new ones.
     */
    @PutMapping("/{id}")
    ChannelResponse update(@PathVariable long id, @RequestBody ChannelRequest request) {
        channels.update(id, request.name(), request.slug(), parentId(request.parent()), request.description(),
                request.sortOrder(), request.hidden());
        return response(id);
    }

    /** Refused with 409 while the channel has sub-channels or articles. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        channels.delete(id);
        return ResponseEntity.noContent().build();
    }

    private Long parentId(String parentPath) {
        if (parentPath == null || parentPath.isBlank()) {
            return null;
        }
        String path = parentPath.trim().replaceAll("^/+|/+$", "");
        return channels.tree().byPath(path).map(ChannelView::id)
                .orElseThrow(() -> new InvalidInputException("parent", "channel.parent.not-found", parentPath));
    }

    private ChannelResponse response(long id) {
        ChannelTree tree = channels.tree();
        return tree.byId(id).map(c -> response(tree, c))
                .orElseThrow(() -> new NotFoundException("channel.not-found", id));
    }

    private ChannelResponse response(ChannelTree tree, ChannelView channel) {
        String parent = channel.parentId() == null ? null
                : tree.byId(channel.parentId()).map(ChannelView::path).orElse(null);
        return new ChannelResponse(channel.id(), channel.name(), channel.slug(), channel.path(), parent,
                channel.description(), channel.sortOrder(), channel.hidden(), format.absolute(channel.url()));
    }
}
