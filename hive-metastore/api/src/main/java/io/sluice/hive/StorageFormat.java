package io.sluice.hive;

import java.util.Locale;

/** How a Hive table's files are written: its input and output format classes and its SerDe, as the metastore holds them. */
public record StorageFormat(String inputFormat, String outputFormat, String serde) {

    /** The format as Hive's DDL names it ({@code parquet}, {@code orc}, {@code avro}, {@code textfile}, …), or null when it is none of those. */
    public String name() {
        String all = (inputFormat + " " + serde).toLowerCase(Locale.ROOT);
        if (all.contains("parquet")) {
            return "parquet";
        }
        if (all.contains(".orc.")) {
            return "orc";
        }
        if (all.contains("avro")) {
            return "avro";
        }
        if (all.contains("rcfile")) {
            return "rcfile";
        }
        if (all.contains("sequencefile")) {
            return "sequencefile";
        }
        if (all.contains("textinputformat")) {
            return "textfile";
        }
        return null;
    }
}
