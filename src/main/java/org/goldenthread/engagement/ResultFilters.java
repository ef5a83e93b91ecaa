package org.goldenthread.engagement;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The {@code filter} conditions of a request for results, read one way by the pages and the API. */
final class ResultFilters {

    private ResultFilters() {}

    /**
     * Every {@code filter} parameter, one condition each, read from the request itself: a
     * {@code List<String>} request parameter would be split at commas, which option labels contain.
     */
    static List<String> of(HttpServletRequest request) {
        String[] given = request.getParameterValues("filter");
        return given == null ? List.of() : List.of(given);
    }
}
