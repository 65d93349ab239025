package vn.truongso.directory.domain;

import java.util.List;

/** One page of a list and the total the list holds. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
