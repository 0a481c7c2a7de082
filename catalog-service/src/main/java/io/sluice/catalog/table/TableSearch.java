package io.sluice.catalog.table;

import io.sluice.catalog.common.CatalogException;
import java.util.Locale;

/**
 * What a list of tables is narrowed to: an owner project, a data source, and text its name, display name or
 * description contains (ignoring case). Each is optional; none means every table the caller may see.
 */
public record TableSearch(String project, String dataSource, String text) {

    /** Longer text finds nothing a shorter part of it would not, and bounds what one query compares. */
    static final int MAX_TEXT = 100;

    /** A search from query parameters: blank ones are left out, the text lowercased for matching. */
    public static TableSearch of(String project, String dataSource, String text) {
        String trimmed = blankToNull(text);
        if (trimmed != null && trimmed.length() > MAX_TEXT) {
            throw CatalogException.invalid(
                    "q", "q is " + trimmed.length() + " characters long; search with at most " + MAX_TEXT);
        }
        return new TableSearch(blankToNull(project), blankToNull(dataSource), trimmed == null ? null : trimmed.toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
