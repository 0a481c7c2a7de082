package io.sluice.jdbc;

import io.sluice.templates.Json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Calendar;

/**
 * Converts a field as the gateway sends it (JSON: text, number, boolean, array, object) to what a ResultSet getter
 * returns, for the column's type. A conversion that would lose a value's meaning (out of range, a fraction into an
 * integer, text that is no number) is refused with SQLState 22003 / 22018 instead.
 */
final class Values {

    private Values() {}

    static Object object(ColumnType type, Object raw) throws SQLException {
        if (raw == null) {
            return null;
        }
        switch (type.root) {
            case CHAR:
            case VARCHAR:
                return string(type, raw);
            case BOOLEAN:
                return bool(raw);
            case BINARY:
            case VARBINARY:
                return bytes(raw);
            case DECIMAL:
                return decimal(type, raw);
            case TINYINT:
                return (byte) integral(raw, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
            case SMALLINT:
                return (short) integral(raw, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
            case INTEGER:
                return (int) integral(raw, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
            case BIGINT:
                return integral(raw, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
            case FLOAT:
                return (float) floating(raw);
            case DOUBLE:
                return floating(raw);
            case DATE:
                return date(raw, null);
            case TIME_WITHOUT_TIME_ZONE:
                return time(raw, null);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return timestamp(raw, null);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return instant(raw).atOffset(ZoneOffset.UTC);
            default: // arrays as List, maps, multisets and rows as Map (JSON objects, in order)
                return raw;
        }
    }

    static String string(ColumnType type, Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String) {
            if (type.root == ColumnType.Root.BINARY || type.root == ColumnType.Root.VARBINARY) {
                return hex(Base64.getDecoder().decode((String) raw));
            }
            return (String) raw;
        }
        if (raw instanceof BigDecimal) {
            return type.root == ColumnType.Root.DECIMAL ? withScale(type, (BigDecimal) raw).toPlainString() : raw.toString();
        }
        if (raw instanceof Boolean) {
            return raw.toString();
        }
        return Json.write(raw);
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    static boolean bool(Object raw) throws SQLException {
        if (raw instanceof Boolean) {
            return (Boolean) raw;
        }
        if (raw instanceof BigDecimal) {
            return ((BigDecimal) raw).signum() != 0;
        }
        if (raw instanceof String) {
            String text = ((String) raw).strip();
            if (text.equalsIgnoreCase("true") || text.equals("1")) {
                return true;
            }
            if (text.equalsIgnoreCase("false") || text.equals("0")) {
                return false;
            }
        }
        throw new SQLDataException("The value is not a boolean (true, false, 1 or 0)", "22018");
    }

    static byte[] bytes(Object raw) throws SQLException {
        if (raw instanceof String) {
            try {
                return Base64.getDecoder().decode((String) raw);
            } catch (IllegalArgumentException e) {
                throw new SQLDataException("The value is not binary data", "22018");
            }
        }
        throw new SQLDataException("The value is not binary data", "22018");
    }

    /**
     * A number as a value of its column: the gateway's JSON writes {@code 6.50} of a DECIMAL(p, 2) as {@code 6.5},
     * and a reader expects the column's scale ({@code 6.50}). Never rounds: a DECIMAL's value has no more digits.
     */
    static BigDecimal decimal(ColumnType type, Object raw) throws SQLException {
        return withScale(type, decimal(raw));
    }

    private static BigDecimal withScale(ColumnType type, BigDecimal number) {
        return type.root == ColumnType.Root.DECIMAL && number.scale() < type.scale ? number.setScale(type.scale) : number;
    }

    static BigDecimal decimal(Object raw) throws SQLException {
        if (raw instanceof BigDecimal) {
            return (BigDecimal) raw;
        }
        if (raw instanceof Boolean) {
            return (Boolean) raw ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (raw instanceof String) {
            try {
                return new BigDecimal(((String) raw).strip());
            } catch (NumberFormatException e) {
                throw new SQLDataException("The value is not a number", "22018");
            }
        }
        throw new SQLDataException("The value is not a number", "22018");
    }

    /** A whole number in [min, max]; a fraction or a value outside is refused, not rounded. */
    static long integral(Object raw, long min, long max, String target) throws SQLException {
        BigDecimal number = decimal(raw);
        BigInteger whole;
        try {
            whole = number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new SQLDataException("The value " + number.toPlainString() + " has a fraction and is no " + target
                    + "; read it with getBigDecimal or getDouble", "22003");
        }
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new SQLDataException("The value " + whole + " is out of the range of " + target, "22003");
        }
        return whole.longValue();
    }

    static double floating(Object raw) throws SQLException {
        if (raw instanceof String) {
            String text = ((String) raw).strip();
            if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
                return Double.parseDouble(text);
            }
        }
        return decimal(raw).doubleValue();
    }

    static Date date(Object raw, Calendar calendar) throws SQLException {
        LocalDate date = localDateTime(raw).toLocalDate();
        if (calendar == null) {
            return Date.valueOf(date);
        }
        return new Date(date.atStartOfDay(zone(calendar)).toInstant().toEpochMilli());
    }

    static Time time(Object raw, Calendar calendar) throws SQLException {
        LocalTime time = localTime(raw);
        if (calendar == null) {
            return Time.valueOf(time);
        }
        return new Time(time.atDate(LocalDate.EPOCH).atZone(zone(calendar)).toInstant().toEpochMilli());
    }

    static Timestamp timestamp(Object raw, Calendar calendar) throws SQLException {
        if (raw instanceof String && ((String) raw).endsWith("Z")) {
            return Timestamp.from(instant(raw));
        }
        LocalDateTime dateTime = localDateTime(raw);
        if (calendar == null) {
            return Timestamp.valueOf(dateTime);
        }
        return Timestamp.from(dateTime.atZone(zone(calendar)).toInstant());
    }

    private static ZoneId zone(Calendar calendar) {
        return calendar.getTimeZone().toZoneId();
    }

    private static Instant instant(Object raw) throws SQLException {
        String text = text(raw, "a timestamp");
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            return localDateTime(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text)
                    .toInstant(ZoneOffset.UTC);
        }
    }

    /** A date, or a timestamp as {@code 2026-12-02 10:15:30.123} or ISO {@code 2026-12-02T10:15:30.123}. */
    private static LocalDateTime localDateTime(Object raw) throws SQLException {
        String text = text(raw, "a date or timestamp");
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (text.endsWith("Z")) {
                return LocalDateTime.ofInstant(instant(text), ZoneOffset.UTC);
            }
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new SQLDataException("The value is not a date or timestamp", "22007");
        }
    }

    private static LocalTime localTime(Object raw) throws SQLException {
        String text = text(raw, "a time");
        try {
            return text.length() > 10 ? localDateTime(text).toLocalTime() : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new SQLDataException("The value is not a time", "22007");
        }
    }

    private static String text(Object raw, String what) throws SQLException {
        if (!(raw instanceof String)) {
            throw new SQLDataException("The value is not " + what, "22007");
        }
        return ((String) raw).strip();
    }
}
