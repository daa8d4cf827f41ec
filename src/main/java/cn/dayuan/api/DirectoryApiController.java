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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.dayuan.directory.DirectoryService;
import cn.dayuan.directory.DirectoryView;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;

/** The public-service navigation (便民导航): categories and their links; editors and administrators change them. */
@RestController
@RequestMapping("/api/v1/directory")
class DirectoryApiController {

    private final DirectoryService directory;

    DirectoryApiController(DirectoryService directory) {
        this.directory = directory;
    }

    record CategoryRequest(String name, String description, Integer sortOrder) {
    }

    record LinkRequest(Long categoryId, String name, String url, String description, Integer sortOrder) {
    }

    /** Every category in display order, each with its links. */
    @GetMapping("/categories")
    List<DirectoryView.Category> categories() {
        return directory.view().categories();
    }

    @GetMapping("/categories/{id}")
    DirectoryView.Category category(@PathVariable long id) {
        return directory.view().categories().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("directory.category.not-found", id));
    }

    @PostMapping("/categories")
    ResponseEntity<DirectoryView.Category> createCategory(@RequestBody CategoryRequest request) {
        DirectoryView.Category created = directory.createCategory(request.name(), request.description(),
                request.sortOrder());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    /** Replaces name and description; a left-out {@code sortOrder} keeps the position. */
    @PutMapping("/categories/{id}")
    DirectoryView.Category updateCategory(@PathVariable long id, @RequestBody CategoryRequest request) {
        directory.updateCategory(id, request.name(), request.description(), request.sortOrder());
        return category(id);
    }

    /** Deletes the category together with its links. */
    @DeleteMapping("/categories/{id}")
    ResponseEntity<Void> deleteCategory(@PathVariable long id) {
        directory.deleteCategory(id);
        return ResponseEntity.noContent().build();
    }

    /** Every link in display order, or only those of {@code categoryId}. */
    @GetMapping("/links")
    List<DirectoryView.Link> links(@RequestParam(required = false) Long categoryId) {
        return directory.view().categories().stream()
                .filter(c -> categoryId == null || c.id() == categoryId)
                .flatMap(c -> c.links().stream()).toList();
    }

    @GetMapping("/links/{id}")
    DirectoryView.Link link(@PathVariable long id) {
        return directory.link(id);
    }

    @PostMapping("/links")
    ResponseEntity<DirectoryView.Link> createLink(@RequestBody LinkRequest request) {
        DirectoryView.Link created = directory.createLink(request.categoryId(), request.name(),
                request.url(), request.description(), request.sortOrder());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    /** Replaces the link; a different {@code categoryId} moves it, a left-out {@code sortOrder} keeps its place. */
    @PutMapping("/links/{id}")
    DirectoryView.Link updateLink(@PathVariable long id, @RequestBody LinkRequest request) {
        return directory.updateLink(id, request.categoryId(), request.name(), request.url(),
                request.description(), request.sortOrder());
    }

    @DeleteMapping("/links/{id}")
    ResponseEntity<Void> deleteLink(@PathVariable long id) {
        directory.deleteLink(id);
        return ResponseEntity.noContent().build();
    }

}
