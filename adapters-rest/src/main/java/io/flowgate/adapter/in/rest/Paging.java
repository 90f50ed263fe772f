package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.InvalidValue;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@code ?limit=&after=} in, a JSON array and a {@code Link: <...>; rel="next"} header out. */
final class Paging {

    private Paging() {
    }

    static PageRequest request(String limit, String after) {
        int size = PageRequest.DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw new InvalidValue("limit", "limit must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
            }
        }
        return new PageRequest(size, Optional.ofNullable(after));
    }

    /** One page of a short list that is read whole (an app's keys or grants), in id order. */
    static <T> List<T> slice(List<T> all, PageRequest page, Function<T, String> idOf) {
        return slice(all, page.limit(), page.after(), idOf);
    }

    /**
     * One page of a short list that is read whole, ordered by a key that need not be an id (the
     * scope catalog, by name): at most {@code limit} items whose key is greater than {@code after}.
     */
    static <T> List<T> slice(List<T> all, int limit, Optional<String> after, Function<T, String> keyOf) {
        return all.stream()
                .sorted(Comparator.comparing(keyOf))
                .filter(item -> after.map(cursor -> keyOf.apply(item).compareTo(cursor) > 0).orElse(true))
                .limit(limit)
                .toList();
    }

    /**
     * A full page may have a successor, so it links to the page after its last item; a short page is the last.
     *
     * @param self the public URL of the list, without query
     */
    static <T> Response response(List<T> items, PageRequest page, URI self, Function<T, String> idOf,
                                 Function<T, ?> toJson) {
        Response.ResponseBuilder builder = Response.ok(items.stream().map(toJson).toList());
        if (items.size() == page.limit()) {
            URI next = UriBuilder.fromUri(self)
                    .queryParam("limit", page.limit())
                    .queryParam("after", idOf.apply(items.get(items.size() - 1)))
                    .build();
            builder.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return builder.build();
    }
}
