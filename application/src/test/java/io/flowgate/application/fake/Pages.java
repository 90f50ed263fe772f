package io.flowgate.application.fake;

import io.flowgate.application.port.out.PageRequest;
import java.util.List;
import java.util.NavigableMap;

/** Id-ordered paging over a sorted map, as the real store pages. */
final class Pages {

    private Pages() {
    }

    static <T> List<T> page(NavigableMap<String, T> byId, PageRequest page) {
        NavigableMap<String, T> rest = page.after().map(after -> byId.tailMap(after, false)).orElse(byId);
        return rest.values().stream().limit(page.limit()).toList();
    }
}
