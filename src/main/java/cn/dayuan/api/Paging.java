package cn.dayuan.api;

import cn.dayuan.system.InvalidInputException;

/** The {@code page} (from 1) and {@code size} parameters of the lists that readers and editors page through. */
final class Paging {

    static final int MAX_PAGE = 100_000;

    private Paging() {
    }

    static void check(int page, int size, int maxSize) {
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidInputException("page", "api.page.out-of-range", MAX_PAGE);
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidInputException("size", "api.size.out-of-range", maxSize);
        }
    }
}
