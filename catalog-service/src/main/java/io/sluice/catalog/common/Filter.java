package io.sluice.catalog.common;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The where clause of a filtered list, with criteria added only when the caller gave them, and its paged query. */
public final class Filter {

    private final StringBuilder where = new StringBuilder(" where 1 = 1");
    private final List<Object> params = new ArrayList<>();

    /** Adds {@code condition} (with one {@code ?} per value, in order) when {@code value} is given. */
    public Filter and(String condition, Object value, Object... more) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.add(value);
            params.addAll(List.of(more));
        }
        return this;
    }

    /** Adds a condition without parameters. */
    public Filter and(String condition) {
        where.append(" and ").append(condition);
        return this;
    }

    /**
     * One page of {@code select} under this filter, ordered by {@code orderBy}, with the total that
     * {@code select count(*) from countFrom} finds under the same filter.
     */
    public <T> PageResult<T> page(JdbcClient jdbc, String countFrom, String select, String orderBy, RowMapper<T> rows, PageQuery page) {
        long total = jdbc.sql("select count(*) from " + countFrom + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<T> items = jdbc.sql(select + where + " order by " + orderBy + " limit ? offset ?").params(pageParams).query(rows).list();
        return page.result(items, total);
    }
}
