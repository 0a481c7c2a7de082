package io.sluice.jdbc;

/** A result column: its label and its type. */
final class Column {

    final String name;
    final ColumnType type;

    Column(String name, ColumnType type) {
        this.name = name;
        this.type = type;
    }
}
