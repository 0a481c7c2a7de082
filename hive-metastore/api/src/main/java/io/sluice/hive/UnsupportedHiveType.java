package io.sluice.hive;

/** A Hive type with no Flink SQL type: the message names the part of the type that has none and why. */
public final class UnsupportedHiveType extends IllegalArgumentException {

    UnsupportedHiveType(String message) {
        super(message);
    }
}
