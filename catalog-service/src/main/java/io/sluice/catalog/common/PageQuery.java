package io.sluice.catalog.common;

/** Which page of a list a caller asked for; bounded so that no request can ask for everything at once. */
public record PageQuery(int page, int size) {

    public static final int MAX_SIZE = 500;

    public PageQuery {
        if (page < 0) {
            throw CatalogException.invalid("page", "page must be 0 or more (pages count from 0), got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw CatalogException.invalid("size", "size must be between 1 and " + MAX_SIZE + ", got " + size);
        }
    }

    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 0 : page, size == null ? 50 : size);
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> PageResult<T> result(java.util.List<T> items, long total) {
        return new PageResult<>(items, page, size, total);
    }
}
