package io.sluice.udf;

/** A compile error of a submitted source, at its line and column (1-based; 0 when the compiler names no place). */
public record CompileError(long line, long column, String message) {}
