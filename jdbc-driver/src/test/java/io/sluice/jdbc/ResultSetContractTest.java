package io.sluice.jdbc;

import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every ResultSet method either answers or throws an SQLException: never an unchecked exception. */
class ResultSetContractTest {

    @Test
    void everyMethodAnswersOrThrowsAnSqlException() throws Exception {
        List<String> unchecked = new ArrayList<>();
        int unsupported = 0;
        for (Method method : ResultSet.class.getMethods()) {
            if (method.isDefault() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            ResultSet rows = MetaRows.of("A", "B:int").add("x", 1).result(null);
            rows.next();
            Object[] arguments = new Object[method.getParameterCount()];
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                arguments[i] = argument(types[i]);
            }
            try {
                method.invoke(rows, arguments);
            } catch (InvocationTargetException e) {
                Throwable thrown = e.getCause();
                if (thrown instanceof SQLFeatureNotSupportedException) {
                    unsupported++;
                } else if (!(thrown instanceof SQLException)) {
                    unchecked.add(method.getName() + ": " + thrown);
                }
            }
        }
        assertThat(unchecked).isEmpty();
        assertThat(unsupported).isGreaterThan(100);
    }

    private static Object argument(Class<?> type) {
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class) {
            return 1.0;
        }
        if (type == float.class) {
            return 1.0f;
        }
        if (type == short.class) {
            return (short) 1;
        }
        if (type == byte.class) {
            return (byte) 1;
        }
        if (type == String.class) {
            return "A";
        }
        if (type == Class.class) {
            return String.class;
        }
        return null;
    }
}
